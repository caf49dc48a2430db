/* test_parts.c - the reports written in parts and joined (parts.h), as
 * one process writes them (write.h). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "suites.h"

static char dir[256], qpath[2][300], ppath[2][300];
static char *qs[2] = { qpath[0], qpath[1] }, *ps[2] = { ppath[0], ppath[1] };
static struct st_actors *actors;

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

#define QHEAD "article,quote_id,paragraph,start,end,kind,speaker,role," \
              "quote,context,tokens\n"
#define PHEAD "article,quote_id,stance,confidence,P(x),P(y)\n"

/* Pair i: its quotes file and its predictions file. */
static void pair(int i, const char *quotes, const char *preds)
{
	put(qpath[i], quotes);
	put(ppath[i], preds);
}

static void setup(void)
{
	struct st_error err = { 0 };
	int i;

	test_make_dir(dir, sizeof dir, "parts");
	for (i = 0; i < 2; i++) {
		snprintf(qpath[i], sizeof qpath[i], "%s/q%d.csv", dir, i);
		snprintf(ppath[i], sizeof ppath[i], "%s/p%d.csv", dir, i);
	}
	actors = st_actors_new();
	ck_assert_int_eq(st_actors_load_default(actors, &err), 0);
}

static void teardown(void)
{
	st_actors_free(actors);
	test_rm_dir(dir);
}

/* The three reports in memory. */
struct reports {
	char *q, *a, *s;
	size_t nq, na, ns;
	FILE *fq, *fa, *fs;
};

static struct st_report *open_report(struct reports *r, struct st_merge *mg,
                                     struct st_report_opts *ro)
{
	struct st_error err = { 0 };
	struct st_report *rep;

	memset(ro, 0, sizeof *ro);
	ro->labels = st_merge_labels(mg, &ro->nlabels);
	ro->actors = actors;
	ro->tmpdir = dir;
	r->fq = open_memstream(&r->q, &r->nq);
	r->fa = open_memstream(&r->a, &r->na);
	r->fs = open_memstream(&r->s, &r->ns);
	rep = st_report_new(ro, r->fq, r->fa, r->fs, &err);
	ck_assert_ptr_nonnull(rep);
	st_report_ids_add(rep, "0-no-quotes");
	st_report_ids_add(rep, "b0-no-quotes");
	return rep;
}

/* The three reports, joined by "|". */
static char *close_report(struct reports *r, struct st_report *rep)
{
	struct st_buf b = ST_BUF_INIT;

	st_report_free(rep);
	fclose(r->fq);
	fclose(r->fa);
	fclose(r->fs);
	st_buf_addf(&b, "%s|%s|%s", r->q, r->a, r->s);
	free(r->q);
	free(r->a);
	free(r->s);
	return st_buf_detach(&b);
}

/* The reports of both pairs in one process. */
static char *in_one(void)
{
	struct st_error err = { 0 };
	struct st_report_opts ro;
	struct reports r;
	struct st_merge *mg = st_merge_open(qs, ps, 2, &err);
	struct st_report *rep;
	struct st_quote *q;
	struct st_pred p;
	char *s;

	ck_assert_ptr_nonnull(mg);
	rep = open_report(&r, mg, &ro);
	while (st_merge_next(mg, &q, &p, &err) == 1)
		ck_assert_int_eq(st_report_add(rep, q, &p, &err), 0);
	ck_assert_int_eq(st_report_end(rep, &err), 0);
	s = close_report(&r, rep);
	st_merge_free(mg);
	return s;
}

/* The same in two parts, one a pair, joined: the join's result, and its
 * reports in *out (NULL unless it was 0); err gets its error. */
static int in_parts(char **out, struct st_error *err)
{
	struct st_report_opts ro;
	struct st_part parts[2];
	struct reports r;
	struct st_merge *mg = st_merge_open(qs, ps, 2, err);
	struct st_report *rep;
	char names[1024];
	int i, rc;

	ck_assert_ptr_nonnull(mg);
	rep = open_report(&r, mg, &ro);
	for (i = 0; i < 2; i++) {
		st_part_init(&parts[i], dir, i, 2);
		rc = st_part_write(&ro, qs + i, ps + i, 1, &parts[i], NULL, NULL,
		                   &parts[i].err);
		ck_assert_int_ge(rc, 0);
	}
	rc = st_part_join(rep, &ro, parts, 2, err);
	*out = close_report(&r, rep);
	if (rc) {
		free(*out);
		*out = NULL;
	}
	for (i = 0; i < 2; i++)
		st_part_finish(&parts[i]);
	st_merge_free(mg);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "p0.csv|p1.csv|q0.csv|q1.csv");
	return rc;
}

/* Articles a and c in the first pair, b in the second; "Ann Lee" is
 * quoted in both, as "Lee" in the second (one person of the batch). */
#define Q0 QHEAD "a,q1,1,1,5,full,Ann Lee,,one,,\n" \
                 "a,q2,1,9,15,full,Bob Kay,,two,,\n" \
                 "c,q1,1,1,5,full,Cy Dee,,three,,\n"
#define P0 PHEAD "a,q1,x,0.9,0.9,0.1\na,q2,y,0.8,0.2,0.8\n" \
                 "c,q1,x,0.6,0.6,0.4\n"
#define Q1 QHEAD "b,q1,1,1,5,full,Lee,,four,,\n"
#define P1 PHEAD "b,q1,y,0.7,0.3,0.7\n"

START_TEST(test_joined_as_one)
{
	struct st_error err = { 0 };
	char *one, *two;

	pair(0, Q0, P0);
	pair(1, Q1, P1);
	one = in_one();
	ck_assert_int_eq(in_parts(&two, &err), 0);
	ck_assert_str_eq(two, one);
	/* the articles in order, with those without quotes in their
	 * places, and one person from both parts */
	ck_assert_msg(strstr(one, "0-no-quotes,,,0,0,0\na,,,2,1,1\n"
	                     "b,,,1,0,1\nb0-no-quotes,,,0,0,0\nc,,,1,1,0\n")
	              != NULL, "%s", one);
	ck_assert_msg(strstr(one, "Ann Lee,,2,2,") != NULL, "%s", one);
	free(one);
	free(two);
}
END_TEST

/* A quote without its prediction in the second pair, after its first
 * article: the join fails with that error once it gets there. */
START_TEST(test_failure_in_a_part)
{
	struct st_error err = { 0 };
	char *two;

	pair(0, Q0, P0);
	pair(1, Q1 "d,q1,1,1,5,full,Lee,,five,,\n", P1);
	ck_assert_int_eq(in_parts(&two, &err), -1);
	ck_assert_ptr_null(two);
	ck_assert_str_eq(err.file, qpath[1]);
	ck_assert_int_eq(err.line, 3);
	ck_assert_msg(strncmp(err.msg, "quote 'd,q1' has no prediction in ",
	                      34) == 0, "%s", err.msg);
}
END_TEST

/* One article in both pairs: the parts cannot be joined. */
START_TEST(test_article_in_two_parts)
{
	struct st_error err = { 0 };
	char *two;

	pair(0, Q0, P0);
	pair(1, QHEAD "a,q3,1,20,25,full,Lee,,four,,\n",
	     PHEAD "a,q3,y,0.7,0.3,0.7\n");
	ck_assert_int_eq(in_parts(&two, &err), 1);
	ck_assert_ptr_null(two);
}
END_TEST

Suite *parts_suite(void)
{
	Suite *s = suite_create("parts");
	TCase *tc = tcase_create("parts");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_joined_as_one);
	tcase_add_test(tc, test_failure_in_a_part);
	tcase_add_test(tc, test_article_in_two_parts);
	suite_add_tcase(s, tc);
	return s;
}
