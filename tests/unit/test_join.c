/* test_join.c - quotes and predictions joined on article,quote_id
 * (merge.h), and the key that vector lines carry (vkey.h). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "suites.h"

static char dir[256], qpath[300], ppath[300];

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

/* Three quotes: two of article "a, b" (a comma and a space in the id),
 * one of "c". */
static void setup(void)
{
	struct st_quotes qs;
	struct st_quote *q;
	FILE *fp;
	int i;

	test_make_dir(dir, sizeof dir, "join");
	snprintf(qpath, sizeof qpath, "%s/q.csv", dir);
	snprintf(ppath, sizeof ppath, "%s/p.csv", dir);
	st_quotes_init(&qs);
	for (i = 0; i < 3; i++) {
		q = st_quotes_add(&qs);
		st_set(&q->article, i < 2 ? "a, b" : "c", i < 2 ? 4 : 1);
		q->id = i < 2 ? i + 1 : 1;
		q->paragraph = 1;
		q->start = (size_t)(10 * i + 1);
		q->end = q->start + 3;
		st_set(&q->text, "say", 3);
	}
	fp = fopen(qpath, "wb");
	ck_assert_ptr_nonnull(fp);
	st_quotes_write(fp, &qs, 1);
	ck_assert_int_eq(fclose(fp), 0);
	st_quotes_finish(&qs);
}

static void teardown(void)
{
	test_rm_dir(dir);
}

#define HEAD "article,quote_id,stance,confidence,P(x),P(y)\n"
#define P_A1 "\"a, b\",q1,x,0.9,0.9,0.1\n"
#define P_A2 "\"a, b\",q2,y,0.8,0.2,0.8\n"
#define P_C1 "c,q1,x,0.6,0.6,0.4\n"

/* Join qpath with predictions text: "ARTICLE/ID/LABEL;..." or "!" and
 * the error's message. */
static const char *join_with(const char *preds)
{
	static char out[1024];
	char *q1[] = { qpath }, *p1[] = { ppath };
	struct st_error err = { 0 };
	struct st_merge *m;
	struct st_quote *q;
	struct st_pred p;
	int got, n;
	char *const *labels;

	put(ppath, preds);
	out[0] = '\0';
	m = st_merge_open(q1, p1, 1, &err);
	if (!m) {
		snprintf(out, sizeof out, "!%ld: %s", err.line, err.msg);
		return out;
	}
	labels = st_merge_labels(m, &n);
	ck_assert_int_eq(n, 2);
	while ((got = st_merge_next(m, &q, &p, &err)) == 1)
		snprintf(out + strlen(out), sizeof out - strlen(out),
		         "%s/q%d/%s;", q->article, q->id, labels[p.label]);
	if (got < 0)
		snprintf(out, sizeof out, "!%ld: %s", err.line, err.msg);
	st_merge_free(m);
	return out;
}

START_TEST(test_in_order)
{
	ck_assert_str_eq(join_with(HEAD P_A1 P_A2 P_C1),
	                 "a, b/q1/x;a, b/q2/y;c/q1/x;");
}
END_TEST

START_TEST(test_shuffled)
{
	ck_assert_str_eq(join_with(HEAD P_C1 P_A2 P_A1),
	                 "a, b/q1/x;a, b/q2/y;c/q1/x;");
	ck_assert_str_eq(join_with(HEAD P_A2 P_C1 P_A1),
	                 "a, b/q1/x;a, b/q2/y;c/q1/x;");
}
END_TEST

START_TEST(test_missing)
{
	/* the quotes file's line 3 (the second quote) names its key */
	const char *r = join_with(HEAD P_A1 P_C1);

	ck_assert_msg(strncmp(r, "!3: quote 'a, b,q2' has no prediction in ",
	                      41) == 0, "%s", r);
}
END_TEST

START_TEST(test_extra)
{
	const char *r = join_with(HEAD P_A1 P_A2 "z,q9,x,0.5,0.5,0.5\n" P_C1);

	ck_assert_msg(strncmp(r, "!4: prediction 'z,q9' has no quote", 34) == 0,
	              "%s", r);
	r = join_with(HEAD P_A1 P_A2 P_C1 "z,q9,x,0.5,0.5,0.5\n");
	ck_assert_msg(strncmp(r, "!5: prediction 'z,q9' has no quote", 34) == 0,
	              "%s", r);
}
END_TEST

START_TEST(test_twice)
{
	/* read ahead twice, or after its quote was joined */
	ck_assert_str_eq(join_with(HEAD P_C1 P_A2 P_C1 P_A1),
	                 "!4: 'c,q1' given twice (first at line 2)");
	ck_assert_str_eq(join_with(HEAD P_A1 P_A2 P_C1 P_A1),
	                 "!5: 'a, b,q1' given twice (first at line 2)");
}
END_TEST

START_TEST(test_bad_rows)
{
	ck_assert_str_eq(join_with("stance,confidence,P(x),P(y)\n"),
	                 "!1: not a predictions file (expected article,"
	                 "quote_id,stance,confidence,P(...)...)");
	ck_assert_str_eq(join_with(HEAD ",,x,0.9,0.9,0.1\n"),
	                 "!2: no article or quote_id: a prediction must name "
	                 "its quote");
	ck_assert_str_eq(join_with(HEAD "\"a, b\",q1,w,0.9,0.9,0.1\n"),
	                 "!2: unknown label 'w'");
}
END_TEST

START_TEST(test_quote_twice)
{
	FILE *fp = fopen(qpath, "ab");
	const char *r;

	/* the last quote again, as a quotes file cannot hold it */
	fputs("c,q1,1,21,24,full,,,say,,,,,\n", fp);
	fclose(fp);
	r = join_with(HEAD P_A1 P_A2 P_C1 P_C1);
	ck_assert_msg(strstr(r, "'c,q1' given twice") != NULL, "%s", r);
}
END_TEST

START_TEST(test_vkey_round_trip)
{
	static const char *const ids[] = { "2026-01-09 a, b", "x#y", "tab\there",
		"back\\slash", "new\nline\r" };
	struct st_error err = { 0 };
	size_t i;

	for (i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct st_buf b = ST_BUF_INIT;
		char *art, *qid;

		st_buf_adds(&b, "0 3:0.5 7:1");
		st_vkey_add(&b, ids[i], "q12");
		ck_assert_ptr_null(strchr(b.s, '\n'));
		ck_assert_int_eq(st_vkey_split(b.s, &art, &qid, "v", 1, &err), 1);
		ck_assert_str_eq(b.s, "0 3:0.5 7:1");
		ck_assert_str_eq(art, ids[i]);
		ck_assert_str_eq(qid, "q12");
		st_buf_finish(&b);
	}
}
END_TEST

START_TEST(test_vkey_plain_and_bad)
{
	struct st_error err = { 0 };
	char plain[] = "1 2:0.5", nota[] = "1 2:0.5 # nokey",
	     esc[] = "1 # a\\x\tq1";
	char *art, *qid;

	ck_assert_int_eq(st_vkey_split(plain, &art, &qid, "v", 1, &err), 0);
	ck_assert_str_eq(plain, "1 2:0.5");
	ck_assert_ptr_null(art);
	ck_assert_int_eq(st_vkey_split(nota, &art, &qid, "v", 2, &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "bad key: no tab between the article and the "
	                 "quote id");
	ck_assert_int_eq(st_vkey_split(esc, &art, &qid, "v", 3, &err), -1);
	ck_assert_str_eq(err.msg, "bad key: unknown escape '\\x'");
}
END_TEST

Suite *join_suite(void)
{
	Suite *s = suite_create("join");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_in_order);
	tcase_add_test(tc, test_shuffled);
	tcase_add_test(tc, test_missing);
	tcase_add_test(tc, test_extra);
	tcase_add_test(tc, test_twice);
	tcase_add_test(tc, test_bad_rows);
	tcase_add_test(tc, test_quote_twice);
	tcase_add_test(tc, test_vkey_round_trip);
	tcase_add_test(tc, test_vkey_plain_and_bad);
	suite_add_tcase(s, tc);
	return s;
}
