/* test_quote.c - the quote record and the quotes file (quote.h). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "suites.h"

/* the required columns: files without date and source still read */
#define HEADER "article,quote_id,paragraph,start,end,kind,speaker,role," \
	"quote,context,tokens"

static char *write_quotes(const struct st_quotes *qs, int header)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	ck_assert_ptr_nonnull(fp);
	st_quotes_write(fp, qs, header);
	fclose(fp);
	return s;
}

static int read_quotes(const char *data, struct st_quotes *qs,
                       struct st_error *err)
{
	memset(err, 0, sizeof *err);
	return st_quotes_read("q.csv", data, strlen(data), qs, err);
}

static void fill(struct st_quote *q, const char *article, int id,
                 long para, size_t start, size_t end, enum st_kind kind,
                 const char *speaker, const char *role, const char *text,
                 const char *context, const char *tokens)
{
	st_set(&q->article, article, strlen(article));
	q->id = id;
	q->paragraph = para;
	q->start = start;
	q->end = end;
	q->kind = kind;
	st_set(&q->speaker, speaker, strlen(speaker));
	st_set(&q->role, role, strlen(role));
	st_set(&q->text, text, strlen(text));
	st_set(&q->context, context, strlen(context));
	st_set(&q->tokens, tokens, strlen(tokens));
}

START_TEST(test_add_is_zeroed)
{
	struct st_quotes qs;
	struct st_quote *q;
	int i;

	st_quotes_init(&qs);
	for (i = 0; i < 40; i++) {
		q = st_quotes_add(&qs);
		q->id = i + 1;
	}
	ck_assert_uint_eq(qs.n, 40);
	q = &qs.q[39];
	ck_assert_int_eq(q->id, 40);
	ck_assert_int_eq(qs.q[0].id, 1);
	ck_assert_str_eq(q->article, "");
	ck_assert_str_eq(q->speaker, "");
	ck_assert_str_eq(q->role, "");
	ck_assert_str_eq(q->text, "");
	ck_assert_str_eq(q->context, "");
	ck_assert_str_eq(q->tokens, "");
	ck_assert_str_eq(q->stance, "");
	ck_assert_int_eq(q->paragraph, 0);
	ck_assert_uint_eq(q->start, 0);
	ck_assert_int_eq(q->kind, ST_FULL);
	ck_assert_int_eq(q->line, 0);
	st_set(&q->speaker, "Ara Petrosyan, MP", 13);
	ck_assert_str_eq(q->speaker, "Ara Petrosyan");
	st_quotes_finish(&qs);
	ck_assert_uint_eq(qs.n, 0);
	ck_assert_ptr_null(qs.q);
}
END_TEST

START_TEST(test_clear_then_add_is_zeroed)
{
	struct st_quotes qs;
	struct st_quote *q;
	char *text;

	st_quotes_init(&qs);
	q = st_quotes_add(&qs);
	q->id = 7;
	q->start = 12;
	q->speaker_confidence = 0.8;
	st_set(&q->speaker, "Ara Petrosyan", 13);
	st_set(&q->text, "a quote of some length", 22);
	st_set(&q->date, "2026-01-09", 10);
	st_quotes_add(&qs);
	st_quotes_clear(&qs);
	ck_assert_uint_eq(qs.n, 0);
	ck_assert_uint_eq(qs.made, 2);
	/* the first slot again, its strings emptied and kept */
	text = qs.q[0].text;
	q = st_quotes_add(&qs);
	ck_assert_ptr_eq(q, &qs.q[0]);
	ck_assert_ptr_eq(q->text, text);
	ck_assert_uint_eq(qs.n, 1);
	ck_assert_uint_eq(qs.made, 2);
	ck_assert_int_eq(q->id, 0);
	ck_assert_uint_eq(q->start, 0);
	ck_assert(q->speaker_confidence < 0);
	ck_assert_str_eq(q->speaker, "");
	ck_assert_str_eq(q->text, "");
	ck_assert_str_eq(q->date, "");
	st_set(&q->text, "short", 5);
	ck_assert_str_eq(q->text, "short");
	q = st_quotes_add(&qs);
	q = st_quotes_add(&qs);
	ck_assert_uint_eq(qs.n, 3);
	ck_assert_uint_eq(qs.made, 3);
	ck_assert_str_eq(q->speaker, "");
	st_quotes_finish(&qs);
	ck_assert_uint_eq(qs.made, 0);
	ck_assert_ptr_null(qs.q);
}
END_TEST

START_TEST(test_header)
{
	struct st_quotes qs;
	char *s;
	int i;

	for (i = 0; st_quotes_header[i]; i++)
		;
	ck_assert_int_eq(i, 14);
	ck_assert_int_eq(ST_QUOTES_REQUIRED, 11);
	ck_assert_str_eq(st_quotes_header[0], "article");
	ck_assert_str_eq(st_quotes_header[10], "tokens");
	ck_assert_str_eq(st_quotes_header[11], "date");
	ck_assert_str_eq(st_quotes_header[12], "source");
	ck_assert_str_eq(st_quotes_header[13], "speaker_confidence");
	st_quotes_init(&qs);
	s = write_quotes(&qs, 1);
	ck_assert_str_eq(s, HEADER ",date,source,speaker_confidence\n");
	free(s);
	s = write_quotes(&qs, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_write_exact)
{
	struct st_quotes qs;
	char *s;

	st_quotes_init(&qs);
	fill(st_quotes_add(&qs), "2026-01-09-csto", 3, 2, 120, 151, ST_PARTIAL,
	     "Mher Danielyan", "opposition MP", "a \"reckless\" step, really",
	     "called it", "a reckless step realli");
	s = write_quotes(&qs, 0);
	ck_assert_str_eq(s, "2026-01-09-csto,q3,2,120,151,partial,"
	                 "Mher Danielyan,opposition MP,"
	                 "\"a \"\"reckless\"\" step, really\",called it,"
	                 "a reckless step realli,,,\n");
	free(s);
	/* the article's date and source, then how sure the speaker is,
	 * close the row */
	st_set(&qs.q[0].date, "2026-01-09", 10);
	st_set(&qs.q[0].source, "ARKA", 4);
	qs.q[0].speaker_confidence = 0.8;
	s = write_quotes(&qs, 0);
	ck_assert_str_eq(s, "2026-01-09-csto,q3,2,120,151,partial,"
	                 "Mher Danielyan,opposition MP,"
	                 "\"a \"\"reckless\"\" step, really\",called it,"
	                 "a reckless step realli,2026-01-09,ARKA,0.8\n");
	free(s);
	/* no speaker, no value, whatever the field holds */
	st_set(&qs.q[0].speaker, "", 0);
	s = write_quotes(&qs, 0);
	ck_assert_str_eq(s, "2026-01-09-csto,q3,2,120,151,partial,"
	                 ",opposition MP,"
	                 "\"a \"\"reckless\"\" step, really\",called it,"
	                 "a reckless step realli,2026-01-09,ARKA,\n");
	free(s);
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_round_trip)
{
	struct st_quotes qs, back;
	struct st_error err;
	char *s;
	size_t i;

	st_quotes_init(&qs);
	st_quotes_init(&back);
	fill(st_quotes_add(&qs), "art-1", 1, 1, 1, 32, ST_FULL,
	     "Hovik Zakaryan", "opposition MP",
	     "We said \"no\", twice,\nand we meant it.",
	     "an opposition MP said", "we said no twice and we meant it");
	fill(st_quotes_add(&qs), "art-1", 2, 3, 200, 208, ST_PARTIAL,
	     "", "", "reckless", "", "");
	fill(st_quotes_add(&qs), "art,2", 17, 12, 4000, 4100, ST_FULL,
	     "officials", " padded role ", "«ОДКБ» – это прошлое",
	     "=cmd", "одкб это прошлое");
	st_set(&qs.q[2].date, "2024-06-12", 10);
	st_set(&qs.q[2].source, "Reuters", 7);
	qs.q[0].speaker_confidence = 1.0;
	qs.q[2].speaker_confidence = 0.4;
	s = write_quotes(&qs, 1);
	ck_assert_int_eq(read_quotes(s, &back, &err), 0);
	ck_assert_uint_eq(back.n, 3);
	ck_assert_str_eq(back.q[0].date, "");
	ck_assert_str_eq(back.q[2].date, "2024-06-12");
	ck_assert_str_eq(back.q[2].source, "Reuters");
	ck_assert_double_eq_tol(back.q[0].speaker_confidence, 1.0, 1e-9);
	ck_assert(back.q[1].speaker_confidence < 0);
	ck_assert_double_eq_tol(back.q[2].speaker_confidence, 0.4, 1e-9);
	for (i = 0; i < 3; i++) {
		const struct st_quote *a = &qs.q[i], *b = &back.q[i];

		ck_assert_str_eq(b->article, a->article);
		ck_assert_int_eq(b->id, a->id);
		ck_assert_int_eq(b->paragraph, a->paragraph);
		ck_assert_uint_eq(b->start, a->start);
		ck_assert_uint_eq(b->end, a->end);
		ck_assert_int_eq(b->kind, a->kind);
		ck_assert_str_eq(b->speaker, a->speaker);
		ck_assert_str_eq(b->role, a->role);
		ck_assert_str_eq(b->text, a->text);
		ck_assert_str_eq(b->context, a->context);
		ck_assert_str_eq(b->tokens, a->tokens);
		ck_assert_str_eq(b->stance, "");
	}
	/* the line each row was read from: the first quote has a newline */
	ck_assert_int_eq(back.q[0].line, 2);
	ck_assert_int_eq(back.q[1].line, 4);
	ck_assert_int_eq(back.q[2].line, 5);
	free(s);
	st_quotes_finish(&qs);
	st_quotes_finish(&back);
}
END_TEST

START_TEST(test_read_appends_and_stance)
{
	static const char data[] =
		"tokens,stance," HEADER "\n"
		"x y,government,a1,q1,1,0,5,full,Ani Melikyan,minister,X Y.,"
		"said,x y\n";
	struct st_quotes qs;
	struct st_error err;

	st_quotes_init(&qs);
	st_quotes_add(&qs);
	/* columns are found by name; "tokens" twice: the first is used */
	ck_assert_int_eq(read_quotes(data, &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_str_eq(qs.q[1].article, "a1");
	ck_assert_str_eq(qs.q[1].stance, "government");
	ck_assert_str_eq(qs.q[1].speaker, "Ani Melikyan");
	ck_assert_str_eq(qs.q[1].text, "X Y.");
	ck_assert_str_eq(qs.q[1].tokens, "x y");
	/* a file from before speaker_confidence: unknown */
	ck_assert(qs.q[1].speaker_confidence < 0);
	ck_assert_uint_eq(qs.q[1].end, 5);
	ck_assert_int_eq(qs.q[1].line, 2);
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_read_speaker_confidence)
{
	static const char *const bad[] = { "x", "1.5", "-0.1", "nan",
	                                   "0.5x" };
	struct st_quotes qs;
	struct st_error err;
	char buf[256];
	size_t i;

	/* found by name, wherever it stands */
	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes("speaker_confidence," HEADER "\n"
	                             "0.6,a,q1,1,0,4,full,Ani Melikyan,,t,,\n",
	                             &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 1);
	ck_assert_double_eq_tol(qs.q[0].speaker_confidence, 0.6, 1e-9);
	st_quotes_finish(&qs);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(buf, sizeof buf, HEADER ",speaker_confidence\n"
		         "a,q1,1,0,1,full,Ani Melikyan,,t,,,%s\n", bad[i]);
		st_quotes_init(&qs);
		ck_assert_int_eq(read_quotes(buf, &qs, &err), -1);
		ck_assert_int_eq(err.line, 2);
		snprintf(buf, sizeof buf, "bad speaker_confidence '%s'", bad[i]);
		ck_assert_str_eq(err.msg, buf);
		st_quotes_finish(&qs);
	}
}
END_TEST

START_TEST(test_read_missing_column)
{
	static const char data[] =
		"article,quote_id,paragraph,start,end,kind,speaker,quote,"
		"context,tokens\n";
	struct st_quotes qs;
	struct st_error err;

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(data, &qs, &err), -1);
	ck_assert_str_eq(err.file, "q.csv");
	ck_assert_int_eq(err.line, 1);
	ck_assert_str_eq(err.msg, "missing column 'role'");
	ck_assert_uint_eq(qs.n, 0);
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_read_bad_quote_id)
{
	static const char data[] =
		HEADER "\n"
		"a,q1,1,0,4,full,,,\"two\nlines\",,\n"
		"a,x2,1,5,9,full,,,text,,\n";
	static const char *const bad[] = { "q0", "q", "2", "q-1", "q1x" };
	struct st_quotes qs;
	struct st_error err;
	char buf[256];
	size_t i;

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(data, &qs, &err), -1);
	ck_assert_int_eq(err.line, 4);
	ck_assert_str_eq(err.msg, "bad quote_id 'x2'");
	st_quotes_finish(&qs);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(buf, sizeof buf, HEADER "\na,%s,1,0,1,full,,,t,,\n",
		         bad[i]);
		st_quotes_init(&qs);
		ck_assert_int_eq(read_quotes(buf, &qs, &err), -1);
		ck_assert_int_eq(err.line, 2);
		ck_assert_int_eq(strncmp(err.msg, "bad quote_id '", 14), 0);
		st_quotes_finish(&qs);
	}
}
END_TEST

START_TEST(test_read_bad_numbers)
{
	struct st_quotes qs;
	struct st_error err;

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,1,0,4,full,,,t,,\n"
	                             "a,q2,1,abc,9,full,,,t,,\n", &qs, &err),
	                 -1);
	ck_assert_str_eq(err.file, "q.csv");
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "bad start 'abc'");
	st_quotes_finish(&qs);

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,1,-4,4,full,,,t,,\n", &qs,
	                             &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "bad start '-4'");
	st_quotes_finish(&qs);

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,p,0,4,full,,,t,,\n", &qs,
	                             &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "bad paragraph 'p'");
	st_quotes_finish(&qs);

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,1,0,\" 4\",full,,,t,,\n", &qs,
	                             &err), -1);
	ck_assert_str_eq(err.msg, "bad end ' 4'");
	st_quotes_finish(&qs);

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\n\na,q1,1,9,4,full,,,t,,\n", &qs,
	                             &err), -1);
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "end before start");
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_read_bad_kind_and_short_row)
{
	struct st_quotes qs;
	struct st_error err;

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,1,0,4,Full,,,t,,\n", &qs,
	                             &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "bad kind 'Full'");
	st_quotes_finish(&qs);

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes(HEADER "\na,q1,1,0,4,full,,,t,,\n"
	                             "a,q2,1\n", &qs, &err), -1);
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "expected 4 fields, found 3");
	st_quotes_finish(&qs);
}
END_TEST

START_TEST(test_read_empty)
{
	struct st_quotes qs;
	struct st_error err;

	st_quotes_init(&qs);
	ck_assert_int_eq(read_quotes("", &qs, &err), -1);
	ck_assert_str_eq(err.file, "q.csv");
	ck_assert_int_eq(err.line, 1);
	ck_assert_str_eq(err.msg, "empty file: no header");
	/* a header alone is a file with no quotes */
	ck_assert_int_eq(read_quotes(HEADER "\n", &qs, &err), 0);
	ck_assert_uint_eq(qs.n, 0);
	st_quotes_finish(&qs);
}
END_TEST

/* One quote read into again and again, as stance-features does: each
 * row's strings whole, whether longer, shorter or the same as the row
 * before's; numbers as strtol(3) and strtod(3) read them. */
START_TEST(test_reader_one_quote)
{
	static const char data[] =
		HEADER ",date,source,speaker_confidence,stance\n"
		"news-1,q1,1,0,4,full,Ani,minister,short,ctx,a b,2026-01-02,AP,"
		"0.7,pro\n"
		"news-1,q2,007,12,123456789012,partial,Ani Melikyan,,"
		"a much longer quote than before,,c,2026-01-02,AP,1.0,\n"
		"news-22,q3,2,5,9,full,,,x,longer context,,,,,con\n"
		"news-22,q4,3,1234567890123456789,1234567890123456789,full,B,"
		"r,\"y,z\",,,2026-01-03,,0.25,\n";
	char dir[64], path[128];
	struct st_quote_reader *r;
	struct st_quotes qs;
	struct st_quote *q;
	struct st_error err;
	FILE *fp;

	test_make_dir(dir, sizeof dir, "quote");
	snprintf(path, sizeof path, "%s/q.csv", dir);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(data, fp);
	ck_assert_int_eq(fclose(fp), 0);
	st_quotes_init(&qs);
	q = st_quotes_add(&qs);
	r = st_quote_reader_open(path, &err);
	ck_assert_ptr_nonnull(r);

	ck_assert_int_eq(st_quote_next(r, q, &err), 1);
	ck_assert_str_eq(q->article, "news-1");
	ck_assert_str_eq(q->text, "short");
	ck_assert_str_eq(q->stance, "pro");
	ck_assert(q->speaker_confidence == strtod("0.7", NULL));

	ck_assert_int_eq(st_quote_next(r, q, &err), 1);
	ck_assert_int_eq(q->id, 2);
	ck_assert_int_eq(q->paragraph, 7);
	ck_assert_uint_eq(q->end, 123456789012u);
	ck_assert_int_eq(q->kind, ST_PARTIAL);
	ck_assert_str_eq(q->speaker, "Ani Melikyan");
	ck_assert_str_eq(q->role, "");
	ck_assert_str_eq(q->text, "a much longer quote than before");
	ck_assert_str_eq(q->context, "");
	ck_assert_str_eq(q->tokens, "c");
	ck_assert_str_eq(q->date, "2026-01-02");
	ck_assert_str_eq(q->stance, "");
	ck_assert(q->speaker_confidence == 1.0);
	ck_assert_int_eq(q->line, 3);

	ck_assert_int_eq(st_quote_next(r, q, &err), 1);
	ck_assert_str_eq(q->article, "news-22");
	ck_assert_str_eq(q->speaker, "");
	ck_assert_str_eq(q->text, "x");
	ck_assert_str_eq(q->context, "longer context");
	ck_assert_str_eq(q->date, "");
	ck_assert_str_eq(q->source, "");
	ck_assert_str_eq(q->stance, "con");
	ck_assert(q->speaker_confidence < 0);

	ck_assert_int_eq(st_quote_next(r, q, &err), 1);
	ck_assert_uint_eq(q->start, 1234567890123456789u);
	ck_assert_str_eq(q->text, "y,z");
	ck_assert_str_eq(q->date, "2026-01-03");
	ck_assert_str_eq(q->stance, "");
	ck_assert(q->speaker_confidence == strtod("0.25", NULL));
	ck_assert_int_eq(st_quote_next(r, q, &err), 0);
	st_quote_reader_close(r);
	st_quotes_finish(&qs);
	test_rm_dir(dir);
}
END_TEST

Suite *quote_suite(void)
{
	Suite *s = suite_create("quote");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_add_is_zeroed);
	tcase_add_test(tc, test_clear_then_add_is_zeroed);
	tcase_add_test(tc, test_header);
	tcase_add_test(tc, test_write_exact);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_read_appends_and_stance);
	tcase_add_test(tc, test_read_speaker_confidence);
	tcase_add_test(tc, test_read_missing_column);
	tcase_add_test(tc, test_read_bad_quote_id);
	tcase_add_test(tc, test_read_bad_numbers);
	tcase_add_test(tc, test_read_bad_kind_and_short_row);
	tcase_add_test(tc, test_read_empty);
	tcase_add_test(tc, test_reader_one_quote);
	suite_add_tcase(s, tc);
	return s;
}
