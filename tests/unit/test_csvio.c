/* test_csvio.c - CSV reading and writing (csvio.h). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "suites.h"

/* ---- a row collector -------------------------------------------------- */

#define MAXROWS 16
#define MAXFIELDS 12

struct rows {
	int n;
	size_t nf[MAXROWS];
	char *f[MAXROWS][MAXFIELDS];
	size_t len[MAXROWS][MAXFIELDS];
	long line[MAXROWS];
	int stop_at;		/* fail on this row (1-based), 0: never */
};

static int collect(const struct st_csv_row *r, void *ctx,
                   struct st_error *err)
{
	struct rows *rs = ctx;
	size_t i;

	ck_assert_int_lt(rs->n, MAXROWS);
	rs->nf[rs->n] = r->n;
	rs->line[rs->n] = r->line;
	for (i = 0; i < r->n && i < MAXFIELDS; i++) {
		rs->len[rs->n][i] = r->len[i];
		rs->f[rs->n][i] = strdup(r->field[i]);
	}
	rs->n++;
	if (rs->stop_at && rs->n == rs->stop_at)
		return st_fail(err, "cb", r->line, "stopped at row %d", rs->n);
	return 0;
}

static void rows_free(struct rows *rs)
{
	int i;
	size_t k;

	for (i = 0; i < rs->n; i++)
		for (k = 0; k < rs->nf[i] && k < MAXFIELDS; k++)
			free(rs->f[i][k]);
	memset(rs, 0, sizeof *rs);
}

static int parse(const char *data, struct rows *rs, struct st_error *err)
{
	memset(rs, 0, sizeof *rs);
	memset(err, 0, sizeof *err);
	return st_csv_parse("t.csv", data, strlen(data), collect, rs, err);
}

/* ---- parsing ---------------------------------------------------------- */

START_TEST(test_parse_quoted_fields)
{
	static const char data[] =
		"id,quote,speaker\n"
		"q1,\"Yes, we will leave\",Ara Sargsyan\n"
		"q2,\"He said \"\"no\"\" twice\",Lilit Hakobyan\n"
		"q3,\"first line\nsecond line\",Hayk Avetisyan\n"
		"q4,plain,\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 5);
	ck_assert_uint_eq(rs.nf[0], 3);
	ck_assert_str_eq(rs.f[0][0], "id");
	ck_assert_str_eq(rs.f[0][1], "quote");
	ck_assert_str_eq(rs.f[0][2], "speaker");
	ck_assert_str_eq(rs.f[1][1], "Yes, we will leave");
	ck_assert_str_eq(rs.f[1][2], "Ara Sargsyan");
	ck_assert_str_eq(rs.f[2][1], "He said \"no\" twice");
	ck_assert_str_eq(rs.f[3][0], "q3");
	ck_assert_str_eq(rs.f[3][1], "first line\nsecond line");
	ck_assert_str_eq(rs.f[3][2], "Hayk Avetisyan");
	ck_assert_uint_eq(rs.nf[4], 3);
	ck_assert_str_eq(rs.f[4][1], "plain");
	ck_assert_str_eq(rs.f[4][2], "");
	ck_assert_int_eq(rs.line[0], 1);
	ck_assert_int_eq(rs.line[1], 2);
	ck_assert_int_eq(rs.line[2], 3);
	ck_assert_int_eq(rs.line[3], 4);
	ck_assert_int_eq(rs.line[4], 6);
	rows_free(&rs);
}
END_TEST

/* A row whose first field spans lines starts on the line of its opening
 * quote (csvio.h: "1-based line where the row starts"). */
START_TEST(test_parse_multiline_first_field_line)
{
	static const char data[] =
		"quote,n\n"
		"\"one\ntwo\nthree\",1\n"
		"after,2\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 3);
	ck_assert_str_eq(rs.f[1][0], "one\ntwo\nthree");
	ck_assert_str_eq(rs.f[1][1], "1");
	ck_assert_str_eq(rs.f[2][0], "after");
	ck_assert_int_eq(rs.line[2], 5);
	ck_assert_int_eq(rs.line[1], 2);
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_bom)
{
	static const char data[] = "\xef\xbb\xbf" "article,quote\nx,y\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_str_eq(rs.f[0][0], "article");
	ck_assert_uint_eq(strlen(rs.f[0][0]), 7);
	ck_assert_str_eq(rs.f[1][1], "y");
	ck_assert_int_eq(rs.line[0], 1);
	ck_assert_int_eq(rs.line[1], 2);
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_crlf)
{
	static const char data[] =
		"a,b\r\n"
		"1,\"x\r\ny\"\r\n"
		"3,4\r\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 3);
	ck_assert_str_eq(rs.f[0][1], "b");
	ck_assert_str_eq(rs.f[1][0], "1");
	ck_assert_str_eq(rs.f[1][1], "x\r\ny");
	ck_assert_str_eq(rs.f[2][0], "3");
	ck_assert_str_eq(rs.f[2][1], "4");
	ck_assert_uint_eq(rs.nf[2], 2);
	ck_assert_int_eq(rs.line[0], 1);
	ck_assert_int_eq(rs.line[1], 2);
	ck_assert_int_eq(rs.line[2], 4);
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_no_final_newline)
{
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse("a,b\nc,\"d\"", &rs, &err), 0);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_str_eq(rs.f[1][0], "c");
	ck_assert_str_eq(rs.f[1][1], "d");
	ck_assert_int_eq(rs.line[1], 2);
	rows_free(&rs);
	ck_assert_int_eq(parse("", &rs, &err), 0);
	ck_assert_int_eq(rs.n, 0);
}
END_TEST

START_TEST(test_parse_unterminated_after_field)
{
	/* the quote opens on line 3 after a first field */
	static const char data[] =
		"id,quote\n"
		"q1,fine\n"
		"q2,\"never closed\n"
		"still inside\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), -1);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_str_eq(err.file, "t.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "unterminated quoted field");
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_unterminated_first_field)
{
	/* the row opens with the quote, on line 3 of 4 */
	static const char data[] =
		"id,quote\n"
		"q1,fine\n"
		"\"never closed,q2\n"
		"still inside\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), -1);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_str_eq(err.msg, "unterminated quoted field");
	/* the row's line (3), or at worst the last line (4); never a line
	 * past the end of the file */
	ck_assert_msg(err.line == 3 || err.line == 4,
	              "err.line is %ld, expected 3 (or 4)", err.line);
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_malformed)
{
	/* a quote inside an unquoted field breaks strict CSV */
	static const char data[] = "a,b\nc,d\ne,f\"g\"\n";
	struct rows rs;
	struct st_error err;

	ck_assert_int_eq(parse(data, &rs, &err), -1);
	ck_assert_str_eq(err.file, "t.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(strncmp(err.msg, "malformed CSV: ", 15), 0);
	rows_free(&rs);
}
END_TEST

START_TEST(test_parse_callback_error)
{
	static const char data[] = "h\nr1\nr2\nr3\n";
	struct rows rs;
	struct st_error err;

	memset(&rs, 0, sizeof rs);
	memset(&err, 0, sizeof err);
	rs.stop_at = 3;
	ck_assert_int_eq(st_csv_parse("t.csv", data, strlen(data), collect,
	                              &rs, &err), -1);
	ck_assert_int_eq(rs.n, 3);	/* no row after the failing one */
	ck_assert_str_eq(err.file, "cb");
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "stopped at row 3");
	rows_free(&rs);
}
END_TEST

static int header_only(const struct st_csv_row *r, void *ctx,
                       struct st_error *err)
{
	int *cols = ctx;

	(void)err;
	if (r->line == 1) {
		cols[0] = st_csv_col(r, "article");
		cols[1] = st_csv_col(r, "speaker");
		cols[2] = st_csv_col(r, "stance");
		cols[3] = st_csv_col(r, "Speaker");
	}
	return 0;
}

/* Each field's length, a NUL in data from a buffer counted. */
START_TEST(test_parse_lengths)
{
	static const char data[] = "a,\"b,\"\"c\"\"\",,x\0y\nlast";
	struct rows rs;
	struct st_error err;

	memset(&rs, 0, sizeof rs);
	ck_assert_int_eq(st_csv_parse("t.csv", data, sizeof data - 1, collect,
	                              &rs, &err), 0);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_uint_eq(rs.nf[0], 4);
	ck_assert_uint_eq(rs.len[0][0], 1);
	ck_assert_str_eq(rs.f[0][1], "b,\"c\"");
	ck_assert_uint_eq(rs.len[0][1], 5);
	ck_assert_uint_eq(rs.len[0][2], 0);
	ck_assert_str_eq(rs.f[0][3], "x");
	ck_assert_uint_eq(rs.len[0][3], 3);
	ck_assert_uint_eq(rs.len[1][0], 4);
	rows_free(&rs);
}
END_TEST

START_TEST(test_csv_col)
{
	static const char data[] = "article,quote,speaker\n";
	int cols[4] = { 9, 9, 9, 9 };
	struct st_error err;

	ck_assert_int_eq(st_csv_parse("t.csv", data, strlen(data),
	                              header_only, cols, &err), 0);
	ck_assert_int_eq(cols[0], 0);
	ck_assert_int_eq(cols[1], 2);
	ck_assert_int_eq(cols[2], -1);
	ck_assert_int_eq(cols[3], -1);
}
END_TEST

/* ---- writing ---------------------------------------------------------- */

struct mem {
	char *s;
	size_t n;
	FILE *fp;
};

static void mem_open(struct mem *m)
{
	m->s = NULL;
	m->n = 0;
	m->fp = open_memstream(&m->s, &m->n);
	ck_assert_ptr_nonnull(m->fp);
}

static void mem_close(struct mem *m)
{
	fclose(m->fp);
}

START_TEST(test_write_quotes_only_when_needed)
{
	struct mem m;
	struct st_csv_writer w;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 0, 0);
	st_csv_put(&w, "a");
	st_csv_put(&w, "b");
	st_csv_endrow(&w);
	st_csv_put(&w, "x,y");
	st_csv_put(&w, "say \"hi\"");
	st_csv_put(&w, "two\nlines");
	st_csv_put(&w, " padded");
	st_csv_put(&w, "");
	st_csv_put(&w, NULL);
	st_csv_put(&w, "Ара «ОДКБ»");
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_str_eq(m.s, "a,b\n"
	                 "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",,,"
	                 "Ара «ОДКБ»\n");
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_numbers)
{
	struct mem m;
	struct st_csv_writer w;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 0, 1);
	st_csv_putd(&w, 0.5, 4);
	st_csv_putd(&w, 2.0 / 3.0, 2);
	st_csv_putd(&w, -1.25, 1);
	st_csv_putl(&w, -42);
	st_csv_putl(&w, 1234567);
	st_csv_putraw(&w, "-7");
	st_csv_endrow(&w);
	mem_close(&m);
	/* numbers are never neutralised, even in safe mode */
	ck_assert_str_eq(m.s, "0.5000,0.67,-1.2,-42,1234567,-7\n");
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_decimals_as_printf)
{
	struct mem m;
	struct st_csv_writer w;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 0, 0);
	st_csv_putd(&w, 0.8, 1);
	st_csv_putd(&w, 1.0, 1);
	st_csv_putd(&w, 0.0, 1);
	st_csv_putd(&w, -0.0, 1);
	st_csv_putd(&w, 0.25, 1);	/* a tie: to even */
	st_csv_putd(&w, 0.35, 1);	/* below the half in binary */
	st_csv_putd(&w, 0.123456789, 6);
	st_csv_putd(&w, 0.0000005, 6);
	st_csv_putd(&w, 2.5, 0);
	st_csv_putd(&w, 3.7, 0);
	st_csv_putd(&w, 1e12, 1);
	st_csv_putd(&w, 0.05, 7);
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_str_eq(m.s, "0.8,1.0,0.0,-0.0,0.2,0.3,0.123457,0.000000,"
	                 "2,4,1000000000000.0,0.0500000\n");
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

/* The bytes a writer has written: the byte order mark, separators,
 * quotes, neutralised cells and CRLF line ends all counted. */
START_TEST(test_write_bytes)
{
	struct mem m;
	struct st_csv_writer w;
	long long before;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 1, 1);
	ck_assert_int_eq(w.bytes, 3);
	st_csv_put(&w, "=SUM(A1)");
	st_csv_put(&w, "say \"hi\"");
	st_csv_putl(&w, -42);
	st_csv_endrow(&w);
	before = w.bytes;
	st_csv_put(&w, "plain");
	st_csv_putd(&w, 0.5, 4);
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_str_eq(m.s, "\xef\xbb\xbf\"'=SUM(A1)\",\"say \"\"hi\"\"\","
	                 "-42\r\nplain,0.5000\r\n");
	ck_assert_int_eq(w.bytes, (long long)strlen(m.s));
	ck_assert_int_eq(w.bytes - before, 14);
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_excel)
{
	struct mem m;
	struct st_csv_writer w;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 1, 0);
	st_csv_put(&w, "speaker");
	st_csv_put(&w, "n");
	st_csv_endrow(&w);
	st_csv_put(&w, "Ani Grigoryan");
	st_csv_putl(&w, 3);
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_str_eq(m.s, "\xef\xbb\xbfspeaker,n\r\nAni Grigoryan,3\r\n");
	ck_assert_uint_eq(m.n, 3 + 11 + 17);
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_safe)
{
	struct mem m;
	struct st_csv_writer w;
	struct rows rs;
	struct st_error err;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 0, 1);
	st_csv_put(&w, "=SUM(A1)");
	st_csv_endrow(&w);
	st_csv_put(&w, "+1");
	st_csv_put(&w, "-2");
	st_csv_put(&w, "@cmd");
	st_csv_put(&w, "safe");
	st_csv_endrow(&w);
	mem_close(&m);
	/* the apostrophe makes the cell text; what is read back is the
	 * neutralised text */
	ck_assert_int_eq(parse(m.s, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 2);
	ck_assert_str_eq(rs.f[0][0], "'=SUM(A1)");
	ck_assert_str_eq(rs.f[1][0], "'+1");
	ck_assert_str_eq(rs.f[1][1], "'-2");
	ck_assert_str_eq(rs.f[1][2], "'@cmd");
	ck_assert_str_eq(rs.f[1][3], "safe");
	rows_free(&rs);
	/* the neutralised cell is also wrapped in quotes, as OWASP advises;
	 * a harmless field stays plain */
	ck_assert_str_eq(m.s, "\"'=SUM(A1)\"\n\"'+1\",\"'-2\",\"'@cmd\",safe\n");
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_unsafe_mode_keeps_formula)
{
	struct mem m;
	struct st_csv_writer w;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 0, 0);
	st_csv_put(&w, "=SUM(A1)");
	st_csv_put(&w, "-2");
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_str_eq(m.s, "=SUM(A1),-2\n");
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

START_TEST(test_write_read_round_trip)
{
	static const char *const vals[] = {
		"plain", "x,y", "say \"hi\"", "a\nb", "\"", "", " lead",
		"trail\t", "«Ереван»", NULL
	};
	struct mem m;
	struct st_csv_writer w;
	struct rows rs;
	struct st_error err;
	int i;

	mem_open(&m);
	st_csv_writer_init(&w, m.fp, 1, 0);
	for (i = 0; vals[i]; i++)
		st_csv_put(&w, vals[i]);
	st_csv_endrow(&w);
	mem_close(&m);
	ck_assert_int_eq(parse(m.s, &rs, &err), 0);
	ck_assert_int_eq(rs.n, 1);
	ck_assert_uint_eq(rs.nf[0], 9);
	for (i = 0; i < 9; i++)
		ck_assert_str_eq(rs.f[0][i], vals[i]);
	rows_free(&rs);
	free(m.s);
	st_csv_writer_finish(&w);
}
END_TEST

/* The streaming reader on a line of 1 MiB and more, read in blocks of
 * 64 KiB: every field whole, multi-byte characters cut by a block end
 * joined again, a CR ending one block and its LF starting the next taken
 * as one line end, and the lines after it numbered right. */
static void write_file(const char *path, const char *s, size_t n)
{
	FILE *fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(s, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(test_reader_long_lines)
{
	char dir[64], path[128];
	struct st_buf b = ST_BUF_INIT, want = ST_BUF_INIT;
	struct st_csv_reader *r;
	const struct st_csv_row *row;
	struct st_error err;
	size_t i;

	test_make_dir(dir, sizeof dir, "csv");
	snprintf(path, sizeof path, "%s/long.csv", dir);
	st_buf_adds(&b, "id,text\n1,\"");
	for (i = 0; i < 400000; i++)	/* 1.2 MB of three-byte letters */
		st_buf_adds(&want, "\xd5\xa1,");
	st_buf_add(&b, want.s, want.len);
	st_buf_adds(&b, "\"");
	/* pad so that the CR of CRLF ends a 64 KiB block */
	while ((b.len + 1) % 65536)
		st_buf_addc(&b, ' ');
	st_buf_adds(&b, "\r\n2,short\n3,last");
	write_file(path, b.s, b.len);

	r = st_csv_reader_open(path, &err);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(st_csv_next(r, &row, &err), 1);
	ck_assert_int_eq(row->line, 1);
	ck_assert_int_eq(st_csv_next(r, &row, &err), 1);
	ck_assert_int_eq(row->line, 2);
	ck_assert_uint_eq(row->n, 2);
	/* (libcsv drops the blanks after the closing quote) */
	ck_assert_uint_eq(strlen(row->field[1]), want.len);
	ck_assert_int_eq(strcmp(row->field[1], want.s), 0);
	ck_assert_int_eq(st_csv_next(r, &row, &err), 1);
	ck_assert_int_eq(row->line, 3);
	ck_assert_str_eq(row->field[1], "short");
	ck_assert_int_eq(st_csv_next(r, &row, &err), 1);
	ck_assert_int_eq(row->line, 4);
	ck_assert_str_eq(row->field[1], "last");
	ck_assert_int_eq(st_csv_next(r, &row, &err), 0);
	st_csv_reader_close(r);

	/* a NUL two lines after the long line is named on its line */
	b.s[b.len - 2] = '\0';
	write_file(path, b.s, b.len);
	r = st_csv_reader_open(path, &err);
	while (st_csv_next(r, &row, &err) == 1)
		;
	ck_assert_int_eq(err.line, 4);
	ck_assert_str_eq(err.msg, "NUL byte");
	st_csv_reader_close(r);
	st_buf_finish(&b);
	st_buf_finish(&want);
	test_rm_dir(dir);
}
END_TEST

/* Many blocks of rows whose lines end in LF, CR and CRLF in turn, some
 * with a line end inside a quoted field: every row, its fields and its
 * line, whichever block a line end falls in. */
START_TEST(test_reader_mixed_line_ends)
{
	static const char *const end[] = { "\n", "\r", "\r\n" };
	char dir[64], path[128], want[64];
	struct st_buf b = ST_BUF_INIT;
	struct st_csv_reader *r;
	const struct st_csv_row *row;
	struct st_error err;
	long line = 1, lines[30000];
	int i, got;

	test_make_dir(dir, sizeof dir, "csv");
	snprintf(path, sizeof path, "%s/ends.csv", dir);
	for (i = 0; i < 30000; i++) {
		lines[i] = line;
		if (i % 7 == 3) {
			st_buf_addf(&b, "%d,\"a%sb\",%d%s", i, end[i % 3], i,
			            end[(i + 1) % 3]);
			line += 2;
		} else {
			st_buf_addf(&b, "%d,text %d,%d%s", i, i, i, end[i % 3]);
			line++;
		}
	}
	write_file(path, b.s, b.len);
	ck_assert_uint_gt(b.len, 4 * 65536);

	r = st_csv_reader_open(path, &err);
	ck_assert_ptr_nonnull(r);
	for (i = 0; (got = st_csv_next(r, &row, &err)) == 1; i++) {
		ck_assert_int_lt(i, 30000);
		ck_assert_uint_eq(row->n, 3);
		ck_assert_int_eq(row->line, lines[i]);
		ck_assert_int_eq(atoi(row->field[0]), i);
		ck_assert_int_eq(atoi(row->field[2]), i);
		if (i % 7 == 3)
			snprintf(want, sizeof want, "a%sb", end[i % 3]);
		else
			snprintf(want, sizeof want, "text %d", i);
		ck_assert_str_eq(row->field[1], want);
	}
	ck_assert_int_eq(got, 0);
	ck_assert_int_eq(i, 30000);
	st_csv_reader_close(r);
	st_buf_finish(&b);
	test_rm_dir(dir);
}
END_TEST

Suite *csvio_suite(void)
{
	Suite *s = suite_create("csvio");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_parse_quoted_fields);
	tcase_add_test(tc, test_parse_multiline_first_field_line);
	tcase_add_test(tc, test_parse_bom);
	tcase_add_test(tc, test_parse_crlf);
	tcase_add_test(tc, test_parse_no_final_newline);
	tcase_add_test(tc, test_parse_unterminated_after_field);
	tcase_add_test(tc, test_parse_unterminated_first_field);
	tcase_add_test(tc, test_parse_malformed);
	tcase_add_test(tc, test_parse_callback_error);
	tcase_add_test(tc, test_parse_lengths);
	tcase_add_test(tc, test_csv_col);
	tcase_add_test(tc, test_write_quotes_only_when_needed);
	tcase_add_test(tc, test_write_numbers);
	tcase_add_test(tc, test_write_decimals_as_printf);
	tcase_add_test(tc, test_write_excel);
	tcase_add_test(tc, test_write_bytes);
	tcase_add_test(tc, test_write_safe);
	tcase_add_test(tc, test_write_unsafe_mode_keeps_formula);
	tcase_add_test(tc, test_write_read_round_trip);
	tcase_add_test(tc, test_reader_long_lines);
	tcase_add_test(tc, test_reader_mixed_line_ends);
	suite_add_tcase(s, tc);
	return s;
}
