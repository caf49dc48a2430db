/* test_annotations.c - reading labelling sheets back (annotations.h,
 * labelled.h) and what a retraining compares (retrain.h). */
#include <stdio.h>
#include <check.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "io/io.h"
#include "learn/learn.h"
#include "suites.h"

static char *default_labels[] = { "pro-Russia opposition", "government",
	"Western-leaning analyst" };

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* ---- annotations.h ----------------------------------------------------- */

START_TEST(test_delim)
{
	const char *s;

	s = "article,quote,stance\nx;y;z;w\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ',');
	s = "article;quote;stance\r\na,b,c,d,e\r\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ';');
	s = "\xef\xbb\xbf" "article;quote;stance\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ';');
	/* commas inside a quoted header field do not count */
	s = "\"a,b,c\";quote;stance\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ';');
	s = "\"a;b;c\",quote\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ',');
	s = "a,b;c\n";
	ck_assert_int_eq(st_sheet_delim(s, strlen(s)), ',');
	ck_assert_int_eq(st_sheet_delim("", 0), ',');
}
END_TEST

START_TEST(test_cell_restore)
{
	char a[] = "'=SUM(1,2)", b[] = "'-10 per cent", c[] = "'@everyone",
		d[] = "'plain", e[] = "'", f[] = "=raw", g[] = "'+1",
		h[] = "''=x";

	st_cell_restore(a);
	st_cell_restore(b);
	st_cell_restore(c);
	st_cell_restore(d);
	st_cell_restore(e);
	st_cell_restore(f);
	st_cell_restore(g);
	st_cell_restore(h);
	ck_assert_str_eq(a, "=SUM(1,2)");
	ck_assert_str_eq(b, "-10 per cent");
	ck_assert_str_eq(c, "@everyone");
	ck_assert_str_eq(d, "'plain");
	ck_assert_str_eq(e, "'");
	ck_assert_str_eq(f, "=raw");
	ck_assert_str_eq(g, "+1");
	ck_assert_str_eq(h, "''=x");
}
END_TEST

START_TEST(test_label_match)
{
	char *labels[] = { "pro-Russia opposition", "government",
		"Western-leaning analyst", "Аналитик" };

	ck_assert_int_eq(st_label_match(labels, 4, "government"), 1);
	ck_assert_int_eq(st_label_match(labels, 4, "GOVERNMENT"), 1);
	ck_assert_int_eq(st_label_match(labels, 4, " pro-russia OPPOSITION \t"),
	                 0);
	ck_assert_int_eq(st_label_match(labels, 4, "western-leaning analyst"),
	                 2);
	ck_assert_int_eq(st_label_match(labels, 4, "\xc2\xa0" "аналитик"
	                                "\xc2\xa0"), 3);
	ck_assert_int_eq(st_label_match(labels, 4, "АНАЛИТИК"), 3);
	ck_assert_int_eq(st_label_match(labels, 4, "govt"), -1);
	ck_assert_int_eq(st_label_match(labels, 4, "pro-Russia  opposition"),
	                 -1);
	ck_assert_int_eq(st_label_match(labels, 4, ""), -1);
}
END_TEST

START_TEST(test_labels_join)
{
	char *s = st_labels_join(default_labels, 3);

	ck_assert_str_eq(s, "pro-Russia opposition, government, "
	                 "Western-leaning analyst");
	free(s);
	s = st_labels_join(default_labels, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_sheet_age)
{
	char dir[64], path[128];
	struct st_sheet_age a, b, c, d;
	struct timespec ts[2];

	st_sheet_age("corpus/annotations/todo-2026-03-01-2.csv", &a);
	ck_assert_str_eq(a.date, "2026-03-01");
	ck_assert_str_eq(a.name, "todo-2026-03-01-2.csv");
	st_sheet_age("/nowhere/x-2026-13-01-y.csv", &b);	/* no month 13 */
	ck_assert_str_eq(b.date, "");
	ck_assert(b.mtime_ns == 0);
	st_sheet_age("/nowhere/todo-2026-04-01.csv", &c);
	ck_assert_int_lt(st_sheet_age_cmp(&a, &c), 0);
	ck_assert_int_gt(st_sheet_age_cmp(&c, &a), 0);
	ck_assert_int_eq(st_sheet_age_cmp(&a, &a), 0);
	/* without a date in the name: the day it was modified */
	test_make_dir(dir, sizeof dir, "age");
	snprintf(path, sizeof path, "%s/relabel.csv", dir);
	write_file(path, "x\n");
	ts[0].tv_sec = ts[1].tv_sec = 1767225600 + 3600;	/* 2026-01-01 */
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	st_sheet_age(path, &d);
	ck_assert_str_eq(d.date, "2026-01-01");
	ck_assert(d.mtime_ns == (1767225600LL + 3600) * 1000000000LL);
	ck_assert_int_lt(st_sheet_age_cmp(&d, &a), 0);
	/* the same date: the later modification time, then the name */
	b = d;
	b.mtime_ns += 1;
	ck_assert_int_gt(st_sheet_age_cmp(&b, &d), 0);
	b = d;
	b.name = "relabelz.csv";
	ck_assert_int_lt(st_sheet_age_cmp(&d, &b), 0);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_needs_office)
{
	ck_assert_int_eq(st_sheet_needs_office("a/todo.xlsx"), 1);
	ck_assert_int_eq(st_sheet_needs_office("TODO.XLSX"), 1);
	ck_assert_int_eq(st_sheet_needs_office("todo.ods"), 1);
	ck_assert_int_eq(st_sheet_needs_office("todo.csv"), 0);
	ck_assert_int_eq(st_sheet_needs_office("xlsx"), 0);
}
END_TEST

START_TEST(test_convert_without_soffice)
{
	struct st_buf out = ST_BUF_INIT;
	struct st_error err = { 0 };
	char *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;

	setenv("PATH", "/nonexistent", 1);
	ck_assert_int_eq(st_sheet_convert("sheets/todo.ods", "/tmp", &out,
	                                  &err), -1);
	if (path)
		setenv("PATH", path, 1);
	free(path);
	ck_assert_str_eq(err.file, "sheets/todo.ods");
	ck_assert_str_eq(err.msg, "a .ods sheet is read through LibreOffice, "
	                 "which is not installed: apt-get install "
	                 "libreoffice-calc-nogui (or save the sheet as CSV)");
	st_buf_finish(&out);
}
END_TEST

/* ---- csvio.h: another separator ---------------------------------------- */

static int count_fields(const struct st_csv_row *r, void *ctx,
                        struct st_error *err)
{
	size_t *n = ctx;

	(void)err;
	*n = *n * 10 + r->n;
	return 0;
}

START_TEST(test_parse_semicolons)
{
	const char *s = "a;b;c\r\n\"x;y\";z;\"w,v\"\r\n";
	struct st_error err = { 0 };
	size_t n = 0;

	ck_assert_int_eq(st_csv_parse_delim("s.csv", s, strlen(s), ';',
	                                    count_fields, &n, &err), 0);
	ck_assert_uint_eq(n, 33);
	n = 0;
	s = "a;b,c\n";
	ck_assert_int_eq(st_csv_parse("s.csv", s, strlen(s), count_fields, &n,
	                              &err), 0);
	ck_assert_uint_eq(n, 2);
}
END_TEST

/* ---- labelled.h ---------------------------------------------------------- */

struct warnings {
	int n;
	char last[1024];
};

static void on_warn(const struct st_error *e, void *arg)
{
	struct warnings *w = arg;

	w->n++;
	snprintf(w->last, sizeof w->last, "%s:%ld: %s", e->file, e->line,
	         e->msg);
}

static void setup_articles(char *dir, size_t size)
{
	char path[128];

	test_make_dir(dir, size, "labelled");
	snprintf(path, sizeof path, "%s/a.txt", dir);
	write_file(path, "\"We stay,\" said Ara Vardanyan, an opposition MP.\n"
	           "\"We go,\" said Ani Sargsyan, a deputy minister.\n");
}

static int load(struct st_labelled *l, const char *path, const char *data,
                int rows, struct st_quotes *qs, struct st_error *err)
{
	return st_labelled_load_sheet(l, path, data, strlen(data), rows, qs,
	                              err);
}

START_TEST(test_labelled_newer_wins)
{
	char dir[64], want[512];
	struct st_labelled l;
	struct st_quotes qs;
	struct st_error err = { 0 };
	struct warnings w = { 0 };

	setup_articles(dir, sizeof dir);
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = default_labels;
	l.nlabels = 3;
	l.warn = on_warn;
	l.warn_arg = &w;
	st_quotes_init(&qs);
	/* semicolons, a label in capitals */
	ck_assert_int_eq(load(&l, "todo-2026-02-01.csv",
	                      "article;quote;stance\n"
	                      "a;We stay;GOVERNMENT\n"
	                      "a;We go;government\n", 0, &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_str_eq(qs.q[0].stance, "government");
	ck_assert_str_eq(qs.q[0].speaker, "Ara Vardanyan");
	/* a newer sheet relabels the first quote and repeats the second */
	ck_assert_int_eq(load(&l, "todo-2026-03-01.csv",
	                      "article,quote,stance\n"
	                      "a,\"We stay,\",pro-Russia opposition\n"
	                      "a,We go,government\n"
	                      "a,We go,government\n", 0, &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_str_eq(qs.q[0].stance, "pro-Russia opposition");
	ck_assert_str_eq(qs.q[1].stance, "government");
	ck_assert_int_eq(l.conflicts, 1);
	ck_assert_int_eq(l.duplicates, 2);
	ck_assert_int_eq(w.n, 1);
	ck_assert_str_eq(w.last, "todo-2026-03-01.csv:2: quote labelled "
	                 "\"pro-Russia opposition\" here and \"government\" at "
	                 "todo-2026-02-01.csv:2: \"pro-Russia opposition\" is "
	                 "kept (this sheet is newer)");
	/* an older sheet loaded last does not win */
	ck_assert_int_eq(load(&l, "todo-2026-01-01.csv",
	                      "article,quote,stance\n"
	                      "a,We stay,Western-leaning analyst\n", 0, &qs,
	                      &err), 0);
	ck_assert_str_eq(qs.q[0].stance, "pro-Russia opposition");
	ck_assert_int_eq(l.conflicts, 2);
	snprintf(want, sizeof want, "todo-2026-01-01.csv:2: quote labelled "
	         "\"Western-leaning analyst\" here and \"pro-Russia "
	         "opposition\" at todo-2026-03-01.csv:2: \"pro-Russia "
	         "opposition\" is kept (that sheet is newer)");
	ck_assert_str_eq(w.last, want);
	st_labelled_finish(&l);
	ck_assert_ptr_null(l.state);
	st_quotes_finish(&qs);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_labelled_errors)
{
	char dir[64], want[512];
	struct st_labelled l;
	struct st_quotes qs;
	struct st_error err = { 0 };
	struct warnings w = { 0 };

	setup_articles(dir, sizeof dir);
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = default_labels;
	l.nlabels = 3;
	l.warn = on_warn;
	l.warn_arg = &w;
	st_quotes_init(&qs);
	ck_assert_int_eq(load(&l, "s.csv", "article,quote,stance\n"
	                      "a,We stay,neutral\n", 0, &qs, &err), -1);
	ck_assert_str_eq(err.file, "s.csv");
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "unknown label \"neutral\" (valid: "
	                 "pro-Russia opposition, government, Western-leaning "
	                 "analyst)");
	ck_assert_int_eq(load(&l, "s.csv", "article,quote,stance\n"
	                      ",,\n"
	                      "zz,Anything,government\n", 0, &qs, &err), -1);
	ck_assert_int_eq(err.line, 3);
	snprintf(want, sizeof want, "article 'zz': %s/zz.txt: cannot open: No "
	         "such file or directory: move the article there first, or "
	         "skip its rows with --keep-going (make train KEEP_GOING=1)",
	         dir);
	ck_assert_str_eq(err.msg, want);
	/* an article that is there but broken is to be fixed, not moved */
	snprintf(want, sizeof want, "%s/bad.txt", dir);
	write_file(want, "\"We \xff stay,\" said Ara Vardanyan.\n");
	ck_assert_int_eq(load(&l, "s.csv", "article,quote,stance\n"
	                      "bad,We stay,government\n", 0, &qs, &err), -1);
	snprintf(want, sizeof want, "article 'bad': %s/bad.txt:1: invalid "
	         "UTF-8: fix it, or skip its rows with --keep-going (make "
	         "train KEEP_GOING=1)", dir);
	ck_assert_str_eq(err.msg, want);
	/* rows, not lines, for a converted workbook: the quoted field over
	 * two lines is one row */
	ck_assert_int_eq(load(&l, "w.xlsx", "article,quote,stance\n"
	                      "a,\"We\nstay\",government\n"
	                      "a,We go,nope\n", 1, &qs, &err), -1);
	ck_assert_str_eq(err.file, "w.xlsx");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(load(&l, "w.csv", "article,quote,stance\n"
	                      "a,\"We\nstay\",government\n"
	                      "a,We go,nope\n", 0, &qs, &err), -1);
	ck_assert_int_eq(err.line, 4);
	st_labelled_finish(&l);
	st_quotes_finish(&qs);

	/* keep_going: the missing article's rows are warned about, skipped */
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = default_labels;
	l.nlabels = 3;
	l.keep_going = 1;
	l.warn = on_warn;
	l.warn_arg = &w;
	st_quotes_init(&qs);
	w.n = 0;
	ck_assert_int_eq(load(&l, "k.csv", "article,quote,stance\n"
	                      "zz,Anything,government\n"
	                      "zz,More,government\n"
	                      "a,'-We go,government\n"
	                      "a,We go,\n", 0, &qs, &err), 0);
	ck_assert_int_eq(l.not_found, 3);
	ck_assert_int_eq(l.skipped, 1);
	ck_assert_uint_eq(qs.n, 0);
	ck_assert_int_eq(w.n, 2);	/* the article once, the quote once */
	ck_assert_str_eq(w.last, "k.csv:4: quote not found in article 'a'");
	st_labelled_finish(&l);
	st_quotes_finish(&qs);
	test_rm_dir(dir);
}
END_TEST

/* A quotes file as stance-tokenize writes it, for article a of
 * setup_articles() but with a speaker, a role, a context and a date of
 * its own: a quote labelled from it must carry them, which extraction
 * would not give. */
static const char quotes_file[] =
	"article,quote_id,paragraph,start,end,kind,speaker,role,quote,context,"
	"tokens,date,source,speaker_confidence\n"
	"a,q1,1,1,8,full,Nobody Extracted,invented role,\"We stay,\",said X,"
	"we stay,2001-02-03,FILE,0.4\n"
	"a,q2,2,1,6,full,Ani Sargsyan,a deputy minister,\"We go,\",said,"
	"we go,,,1.0\n"
	"c,q1,1,1,6,partial,,,only here,,only here,,,\n";

START_TEST(test_labelled_from_quotes)
{
	char dir[64], qpath[128], want[512];
	struct st_labelled l;
	struct st_quotes qs;
	struct st_error err = { 0 };
	struct warnings w = { 0 };

	setup_articles(dir, sizeof dir);
	snprintf(qpath, sizeof qpath, "%s/shard-0.csv", dir);
	write_file(qpath, quotes_file);
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = default_labels;
	l.nlabels = 3;
	l.warn = on_warn;
	l.warn_arg = &w;
	st_quotes_init(&qs);
	ck_assert_int_eq(st_labelled_add_quotes(&l, qpath, &err), 0);
	/* c has no article file: its quotes are the file's all the same */
	ck_assert_int_eq(load(&l, "s.csv", "article,quote,stance\n"
	                      "a,We stay,government\n"
	                      "c,only here,government\n"
	                      "a,We go,\n", 0, &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_str_eq(qs.q[0].speaker, "Nobody Extracted");
	ck_assert_str_eq(qs.q[0].role, "invented role");
	ck_assert_str_eq(qs.q[0].context, "said X");
	ck_assert_str_eq(qs.q[0].tokens, "we stay");
	ck_assert_str_eq(qs.q[0].date, "2001-02-03");
	ck_assert_str_eq(qs.q[0].source, "FILE");
	ck_assert_str_eq(qs.q[0].stance, "government");
	ck_assert_int_eq(qs.q[0].id, 1);
	ck_assert_str_eq(qs.q[1].article, "c");
	ck_assert_int_eq(qs.q[1].kind, ST_PARTIAL);
	ck_assert_int_eq(l.skipped, 1);
	ck_assert_int_eq(w.n, 0);
	/* an article the files lack is read only to say why, as before */
	ck_assert_int_eq(load(&l, "t.csv", "article,quote,stance\n"
	                      "zz,Anything,government\n", 0, &qs, &err), -1);
	snprintf(want, sizeof want, "article 'zz': %s/zz.txt: cannot open: No "
	         "such file or directory: move the article there first, or "
	         "skip its rows with --keep-going (make train KEEP_GOING=1)",
	         dir);
	ck_assert_str_eq(err.msg, want);
	/* one that is there but has no quote in them is not extracted */
	snprintf(want, sizeof want, "%s/b.txt", dir);
	write_file(want, "\"We stay,\" said Ara Vardanyan, an opposition MP.\n");
	ck_assert_int_eq(load(&l, "u.csv", "article,quote,stance\n"
	                      "b,We stay,government\n", 0, &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_int_eq(w.n, 1);
	ck_assert_str_eq(w.last, "u.csv:2: quote not found in article 'b': "
	                 "the quotes files hold none of its quotes");
	/* the same file again: a's quotes would count twice */
	ck_assert_int_eq(st_labelled_add_quotes(&l, qpath, &err), -1);
	ck_assert_str_eq(err.file, qpath);
	ck_assert_int_eq(err.line, 2);
	snprintf(want, sizeof want, "article 'a' again, after other articles: "
	         "its quotes begin at %s:2 (give each batch's quotes file "
	         "once)", qpath);
	ck_assert_str_eq(err.msg, want);
	st_labelled_finish(&l);
	st_quotes_finish(&qs);

	/* a bad row names the quotes file and its line */
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = default_labels;
	l.nlabels = 3;
	write_file(qpath, "article,quote_id,paragraph,start,end,kind,speaker,"
	           "role,quote,context,tokens\na,q1,1,9,2,full,,,x,,x\n");
	ck_assert_int_eq(st_labelled_add_quotes(&l, qpath, &err), -1);
	ck_assert_str_eq(err.file, qpath);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "end before start");
	st_labelled_finish(&l);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_labels_drop_unused)
{
	char *labels[3], *dropped[3];
	struct st_quotes qs;
	int n, nd, k;

	for (k = 0; k < 3; k++)
		labels[k] = strdup(default_labels[k]);
	st_quotes_init(&qs);
	/* no quote at all: nothing is dropped */
	ck_assert_int_eq(st_labels_drop_unused(labels, 3, &qs, dropped, &nd),
	                 3);
	ck_assert_int_eq(nd, 0);
	st_set(&st_quotes_add(&qs)->stance, "government", 10);
	n = st_labels_drop_unused(labels, 3, &qs, dropped, &nd);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(labels[0], "government");
	ck_assert_int_eq(nd, 2);
	ck_assert_str_eq(dropped[0], "pro-Russia opposition");
	ck_assert_str_eq(dropped[1], "Western-leaning analyst");
	free(labels[0]);
	free(dropped[0]);
	free(dropped[1]);
	st_quotes_finish(&qs);
}
END_TEST


/* ---- retrain.h ----------------------------------------------------------- */

START_TEST(test_metrics_read)
{
	char dir[64], file[128];
	struct st_metrics m;
	struct st_error err = { 0 };

	test_make_dir(dir, sizeof dir, "metrics");
	ck_assert_int_eq(st_metrics_read(dir, &m, &err), 0);
	ck_assert_int_eq(m.have, 0);
	snprintf(file, sizeof file, "%s/metrics.txt", dir);
	write_file(file, "quotes 614\nquotes[pro-Russia opposition] 207\n"
	           "quotes[government] 198\nkernel linear\n"
	           "cv_macro_f1 0.9934\nbefore_quotes[government] 9\n"
	           "before_cv_macro_f1 0.5\n");
	ck_assert_int_eq(st_metrics_read(dir, &m, &err), 0);
	ck_assert_int_eq(m.have, 1);
	ck_assert_int_eq(m.quotes, 614);
	ck_assert_double_eq_tol(m.cv_f1, 0.9934, 1e-12);
	ck_assert_int_eq(m.nlabels, 2);
	ck_assert_str_eq(m.labels[0], "pro-Russia opposition");
	ck_assert_int_eq(st_metrics_count(&m, "government"), 198);
	ck_assert_int_eq(st_metrics_count(&m, "other"), -1);
	st_metrics_finish(&m);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_prediction_changes)
{
	struct st_error err = { 0 };
	long n, changed, unread;

	/* the shipped model against itself, over the corpus: every quote
	 * keeps its label */
	ck_assert_msg(st_prediction_changes("models", "models",
	                                    "corpus/articles", &n, &changed,
	                                    &unread, &err) == 0, "%s", err.msg);
	ck_assert_int_eq(n, 1007);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(unread, 0);
	ck_assert_int_eq(st_prediction_changes("no-such-model", "models",
	                                       "corpus/articles", &n, &changed,
	                                       &unread, &err), -1);
}
END_TEST

START_TEST(test_prediction_changes_quotes)
{
	char dir[64], qpath[128], path[256], arts[128];
	char *files[1];
	struct st_error err = { 0 };
	long n, changed, unread;

	test_make_dir(dir, sizeof dir, "changes");
	snprintf(qpath, sizeof qpath, "%s/q.csv", dir);
	write_file(qpath, quotes_file);
	files[0] = qpath;
	/* the articles folder: one article without quotes that cannot be
	 * read (stance-tokenize skipped it), one that can, and a's file,
	 * which is not read: its quotes are in the file */
	snprintf(arts, sizeof arts, "%s/arts", dir);
	ck_assert_int_eq(mkdir(arts, 0777), 0);
	snprintf(path, sizeof path, "%s/bad.txt", arts);
	write_file(path, "\xff\n");
	snprintf(path, sizeof path, "%s/fine.txt", arts);
	write_file(path, "No quotes here.\n");
	snprintf(path, sizeof path, "%s/a.txt", arts);
	write_file(path, "\xfe\n");
	ck_assert_msg(st_prediction_changes_quotes("models", "models", files, 1,
	                                           arts, &n, &changed, &unread,
	                                           &err) == 0, "%s", err.msg);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(changed, 0);
	ck_assert_int_eq(unread, 1);
	snprintf(qpath, sizeof qpath, "%s/none.csv", dir);
	ck_assert_int_eq(st_prediction_changes_quotes("models", "models", files,
	                                              1, arts, &n, &changed,
	                                              &unread, &err), -1);
	ck_assert_str_eq(err.file, qpath);
	test_rm_dir(arts);
	test_rm_dir(dir);
}
END_TEST

Suite *annotations_suite(void)
{
	Suite *s = suite_create("annotations");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_delim);
	tcase_add_test(tc, test_cell_restore);
	tcase_add_test(tc, test_label_match);
	tcase_add_test(tc, test_labels_join);
	tcase_add_test(tc, test_sheet_age);
	tcase_add_test(tc, test_needs_office);
	tcase_add_test(tc, test_convert_without_soffice);
	tcase_add_test(tc, test_parse_semicolons);
	tcase_add_test(tc, test_labelled_newer_wins);
	tcase_add_test(tc, test_labelled_errors);
	tcase_add_test(tc, test_labelled_from_quotes);
	tcase_add_test(tc, test_labels_drop_unused);
	tcase_add_test(tc, test_metrics_read);
	tcase_add_test(tc, test_prediction_changes);
	tcase_add_test(tc, test_prediction_changes_quotes);
	suite_add_tcase(s, tc);
	return s;
}
