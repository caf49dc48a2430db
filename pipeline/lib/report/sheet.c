/* sheet.c - .xlsx workbooks through libxlsxwriter. */
#include "report/report.h"
#include "io/io.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* ---- where a quote sits in its article ------------------------------- */

static int is_eol(char c)
{
	return c == '\n' || c == '\r';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* The length of a closing mark that ends at s[i] (inclusive), or 0. */
static size_t closer_before(const char *s, size_t from, size_t i)
{
	if (s[i] == '"' || s[i] == '\'' || s[i] == ')')
		return 1;
	if (i >= from + 1 && (unsigned char)s[i - 1] == 0xc2 &&
	    ((unsigned char)s[i] == 0xbb))		/* » */
		return 2;
	if (i >= from + 2 && (unsigned char)s[i - 2] == 0xe2 &&
	    (unsigned char)s[i - 1] == 0x80 &&
	    ((unsigned char)s[i] == 0x9d || (unsigned char)s[i] == 0x99 ||
	     (unsigned char)s[i] == 0xba))		/* ” ’ › */
		return 3;
	return 0;
}

static size_t closer_at(const char *s, size_t i, size_t to)
{
	if (i < to && (s[i] == '"' || s[i] == '\'' || s[i] == ')'))
		return 1;
	if (i + 1 < to && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xbb)
		return 2;
	if (i + 2 < to && (unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x9d || (unsigned char)s[i + 2] == 0x99 ||
	     (unsigned char)s[i + 2] == 0xba))
		return 3;
	return 0;
}

void st_text_around(const char *text, size_t len, size_t start, size_t end,
                    size_t *sb, size_t *se, size_t *pb, size_t *pe)
{
	size_t i;

	if (start > len)
		start = len;
	if (end > len)
		end = len;
	if (end < start)
		end = start;
	for (*pb = start; *pb > 0 && !is_eol(text[*pb - 1]); (*pb)--)
		;
	for (*pe = end; *pe < len && !is_eol(text[*pe]); (*pe)++)
		;
	/* back from the opening mark to a space after . ! or ? (and any
	 * closing marks) */
	*sb = *pb;
	for (i = start; i > *pb + 1; i--) {
		size_t k = i - 2, n;

		if (!is_space(text[i - 1]))
			continue;
		while (k > *pb && (n = closer_before(text, *pb, k)) > 0 &&
		       k >= *pb + n)
			k -= n;
		if (strchr(".!?", text[k])) {
			*sb = i;
			break;
		}
	}
	/* on from the quote's last character to . ! or ?, closing marks, then
	 * a space or the end of the paragraph */
	*se = *pe;
	for (i = end > start ? end - 1 : end; i < *pe; i++) {
		size_t j = i + 1, n;

		if (!strchr(".!?", text[i]))
			continue;
		while ((n = closer_at(text, j, *pe)) > 0)
			j += n;
		if (j == *pe || is_space(text[j])) {
			*se = j;
			break;
		}
	}
	while (*sb < *se && is_space(text[*sb]))
		(*sb)++;
}

/* ---- workbooks -------------------------------------------------------- */

struct book {
	struct st_out out;	/* the temporary file libxlsxwriter fills */
	lxw_workbook *wb;
	lxw_format *head, *text, *wrap, *num, *pct;
};

static int book_open(struct book *b, const char *path, int constant_memory,
                     struct st_error *err)
{
	lxw_workbook_options opts = { 0 };
	lxw_doc_properties props = { 0 };

	memset(b, 0, sizeof *b);
	/* st_out gives a temporary name that is removed on a signal and
	 * renamed on commit; libxlsxwriter writes that file by its name, and
	 * our own stream stays empty */
	if (st_out_open(&b->out, path, err))
		return -1;
	if (!b->out.tmp) {
		st_out_abort(&b->out);
		return st_fail(err, path, 0, "a workbook must be a regular "
		               "file");
	}
	opts.constant_memory = (uint8_t)constant_memory;
	b->wb = workbook_new_opt(b->out.tmp, &opts);
	if (!b->wb) {
		st_out_abort(&b->out);
		return st_fail(err, path, 0, "cannot create the workbook");
	}
	props.created = (time_t)ST_SHEET_CREATED;
	workbook_set_properties(b->wb, &props);
	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_num_format(b->head, "@");
	format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	b->text = workbook_add_format(b->wb);
	format_set_num_format(b->text, "@");
	format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
	b->wrap = workbook_add_format(b->wb);
	format_set_num_format(b->wrap, "@");
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	b->num = workbook_add_format(b->wb);
	format_set_num_format(b->num, "0");
	format_set_align(b->num, LXW_ALIGN_VERTICAL_TOP);
	b->pct = workbook_add_format(b->wb);
	format_set_num_format(b->pct, "0.00%");
	format_set_align(b->pct, LXW_ALIGN_VERTICAL_TOP);
	return 0;
}

static int book_close(struct book *b, int ok, struct st_error *err)
{
	lxw_error e = workbook_close(b->wb);

	b->wb = NULL;
	if (!ok) {
		st_out_abort(&b->out);
		return -1;
	}
	if (e != LXW_NO_ERROR) {
		const char *name = b->out.name;

		st_out_abort(&b->out);
		return st_fail(err, name, 0, "cannot write the workbook: %s",
		               lxw_strerror(e));
	}
	return st_out_commit(&b->out, err);
}

/* A text cell; an empty one is left out. */
static void put_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                     const char *s, lxw_format *f)
{
	if (s && s[0])
		worksheet_write_string(ws, r, c, s, f);
}

/* The labels as a drop-down list: inline when Excel's 255-character limit
 * and its comma separator allow, else from a hidden sheet of labels. */
static void label_list(struct book *b, lxw_worksheet *ws, lxw_row_t last,
                       lxw_col_t col, char *const *labels, int nlabels)
{
	lxw_data_validation dv;
	size_t total = 0;
	int k, inline_ok = nlabels > 0;
	char **list = st_xcalloc((size_t)nlabels + 1, sizeof *list);
	char *valid = st_labels_join(labels, nlabels);
	struct st_buf msg = ST_BUF_INIT, formula = ST_BUF_INIT;

	for (k = 0; k < nlabels; k++) {
		list[k] = labels[k];
		total += strlen(labels[k]) + 1;
		if (strchr(labels[k], ',') || strchr(labels[k], '"'))
			inline_ok = 0;
	}
	if (total > 255)
		inline_ok = 0;
	memset(&dv, 0, sizeof dv);
	dv.ignore_blank = LXW_VALIDATION_ON;
	dv.dropdown = LXW_VALIDATION_ON;
	dv.show_error = LXW_VALIDATION_ON;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.error_title = "Not a label";
	st_buf_addf(&msg, "The stance is one of: %.200s", valid);
	dv.error_message = msg.s;
	if (inline_ok) {
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = list;
	} else {
		lxw_worksheet *ls = workbook_add_worksheet(b->wb, "labels");

		for (k = 0; k < nlabels; k++)
			worksheet_write_string(ls, (lxw_row_t)k, 0, labels[k],
			                       b->text);
		worksheet_hide(ls);
		st_buf_addf(&formula, "=labels!$A$1:$A$%d", nlabels);
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = formula.s;
	}
	worksheet_data_validation_range(ws, 1, col, last, col, &dv);
	free(list);
	free(valid);
	st_buf_finish(&msg);
	st_buf_finish(&formula);
}

int st_sheet_write_todo(const char *path, const struct st_todo_row *rows,
                        size_t n, char *const *labels, int nlabels,
                        struct st_error *err)
{
	static const char *const cols[] = { "article", "quote", "speaker",
		"role", "stance", "suggested", "confidence", "sentence",
		"paragraph" };
	static const double widths[] = { 30, 60, 22, 30, 24, 24, 11, 60, 80 };
	struct book b;
	lxw_worksheet *ws;
	lxw_row_t last;
	size_t i;
	int c;

	if (book_open(&b, path, 0, err))
		return -1;
	ws = workbook_add_worksheet(b.wb, "todo");
	for (c = 0; c < 9; c++) {
		lxw_format *f = c == 6 ? b.pct :
			(c == 1 || c == 3 || c >= 7) ? b.wrap : b.text;

		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
		                     f);
		worksheet_write_string(ws, 0, (lxw_col_t)c, cols[c], b.head);
	}
	for (i = 0; i < n; i++) {
		const struct st_todo_row *t = &rows[i];
		lxw_row_t r = (lxw_row_t)(i + 1);

		put_text(ws, r, 0, t->article, b.text);
		put_text(ws, r, 1, t->quote, b.wrap);
		put_text(ws, r, 2, t->speaker, b.text);
		put_text(ws, r, 3, t->role, b.wrap);
		put_text(ws, r, 5, t->suggested, b.text);
		/* as the CSV gives it, four decimals, rounded the same way */
		{
			char num[32];

			snprintf(num, sizeof num, "%.4f", t->confidence);
			worksheet_write_number(ws, r, 6, strtod(num, NULL),
			                       b.pct);
		}
		put_text(ws, r, 7, t->sentence, b.wrap);
		put_text(ws, r, 8, t->paragraph, b.wrap);
	}
	last = (lxw_row_t)(n ? n : 1);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, last, 8);
	label_list(&b, ws, last, 4, labels, nlabels);
	return book_close(&b, 1, err);
}

/* ---- the reports as a workbook --------------------------------------- */

enum kind { K_TEXT, K_NUM, K_PCT };

static enum kind kind_of(const char *report, const char *col)
{
	static const char *const text[] = { "article", "quote_id", "kind",
		"speaker", "role", "quote", "stance", "majority", "date",
		"source", "evidence", "message", NULL };
	int i;

	for (i = 0; text[i]; i++)
		if (!strcmp(col, text[i]))
			return K_TEXT;
	if (!strncmp(col, "P(", 2) || !strcmp(col, "confidence") ||
	    strstr(col, "_confidence"))
		return K_PCT;
	(void)report;
	return K_NUM;
}

static double width_of(const char *col, enum kind k)
{
	if (!strcmp(col, "quote"))
		return 60;
	if (!strcmp(col, "role"))
		return 30;
	if (!strcmp(col, "article"))
		return 30;
	if (!strcmp(col, "speaker"))
		return 22;
	if (!strcmp(col, "stance") || !strcmp(col, "majority"))
		return 24;
	if (k == K_TEXT)
		return 14;
	return strlen(col) > 10 ? (double)strlen(col) + 2 : 11;
}

static int report_sheet(struct book *b, const char *dir, const char *name,
                        struct st_error *err)
{
	struct st_buf path = ST_BUF_INIT, sheet = ST_BUF_INIT;
	struct st_csv_reader *r;
	const struct st_csv_row *row;
	enum kind kinds[256];
	lxw_format *fmts[256];
	lxw_worksheet *ws;
	lxw_row_t nrow = 0;
	size_t ncol = 0, c;
	int got, rc = -1;

	st_buf_addf(&path, "%s/%s", dir, name);
	st_buf_add(&sheet, name, strlen(name) - 4);
	r = st_csv_reader_open(path.s, err);
	if (!r)
		goto out;
	ws = workbook_add_worksheet(b->wb, sheet.s);
	while ((got = st_csv_next(r, &row, err)) == 1) {
		if (nrow == 0) {
			ncol = row->n < 256 ? row->n : 256;
			/* every column's format before the first cell: in
			 * constant memory mode rows go out as they come */
			for (c = 0; c < ncol; c++) {
				const char *h = row->field[c];

				st_cell_restore(row->field[c]);
				kinds[c] = kind_of(name, h);
				fmts[c] = kinds[c] == K_PCT ? b->pct :
					kinds[c] == K_NUM ? b->num :
					!strcmp(h, "quote") || !strcmp(h, "role")
					? b->wrap : b->text;
				worksheet_set_column(ws, (lxw_col_t)c,
				                     (lxw_col_t)c,
				                     width_of(h, kinds[c]), fmts[c]);
			}
			for (c = 0; c < ncol; c++)
				worksheet_write_string(ws, 0, (lxw_col_t)c,
				                       row->field[c], b->head);
		} else {
			for (c = 0; c < row->n && c < ncol; c++) {
				char *s = row->field[c];
				double v;

				if (kinds[c] != K_TEXT && s[0] &&
				    st_parse_double(s, &v) == 0) {
					worksheet_write_number(ws, nrow,
					    (lxw_col_t)c, v, fmts[c]);
					continue;
				}
				st_cell_restore(s);
				put_text(ws, nrow, (lxw_col_t)c, s, fmts[c]);
			}
		}
		nrow++;
	}
	if (got < 0)
		goto out;
	if (nrow == 0) {
		st_fail(err, path.s, 1, "empty file");
		goto out;
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (ncol)
		worksheet_autofilter(ws, 0, 0, nrow > 1 ? nrow - 1 : 1,
		                     (lxw_col_t)(ncol - 1));
	rc = 0;
out:
	if (rc) {
		/* err->file may be our path, freed below: name the report in
		 * the message and the caller's folder as the file */
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s: %.400s", name, err->msg);
		st_fail(err, dir, err->line, "%s", msg);
	}
	if (r)
		st_csv_reader_close(r);
	st_buf_finish(&path);
	st_buf_finish(&sheet);
	return rc;
}

int st_sheet_write_reports(const char *dir, const char *path,
                           struct st_error *err)
{
	static const char *const names[] = { "quotes.csv", "articles.csv",
		"speakers.csv" };
	struct book b;
	int k, ok = 1;

	if (book_open(&b, path, 1, err))
		return -1;
	for (k = 0; k < 3 && ok; k++)
		ok = report_sheet(&b, dir, names[k], err) == 0;
	return book_close(&b, ok, err);
}
