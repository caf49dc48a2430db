/* test_tally.c - one label per person in an article, the evidence, and
 * the batch's people (tally.h). */
#include <stdio.h>
#include <check.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "suites.h"

static char *labels[] = { "x", "y" };
static struct st_actors *actors;

static void setup(void)
{
	struct st_error err = { 0 };

	actors = st_actors_new();
	ck_assert_int_eq(st_actors_load_default(actors, &err), 0);
}

static void teardown(void)
{
	st_actors_free(actors);
}

/* Add a quote of article "a" by speaker with role and probabilities
 * px, 1 - px. */
static void add(struct st_article *a, int id, const char *speaker,
                const char *role, double px)
{
	struct st_quote q;
	struct st_pred p;

	memset(&q, 0, sizeof q);
	q.article = st_xstrdup("a");
	q.id = id;
	q.start = (size_t)id * 10;
	q.speaker = st_xstrdup(speaker);
	q.role = st_xstrdup(role);
	q.text = st_xstrdup("words");
	q.date = st_xstrdup("");
	q.source = st_xstrdup("");
	q.context = st_xstrdup("");
	q.tokens = st_xstrdup("");
	q.stance = st_xstrdup("");
	p.prob[0] = px;
	p.prob[1] = 1 - px;
	p.label = px >= 0.5 ? 0 : 1;
	p.conf = p.prob[p.label];
	st_article_add(a, &q, &p);
	st_quote_finish(&q);	/* the slot's strings, handed back */
}

/* A people table in a folder of its own. */
static struct st_people *people(char *dir, size_t size)
{
	struct st_error err = { 0 };
	struct st_people *pp;

	test_make_dir(dir, size, "tally");
	pp = st_people_new(dir, 2, &err);
	ck_assert_ptr_nonnull(pp);
	return pp;
}

/* speakers.csv's rows of pp, then pp freed and its folder removed. */
static char *rows(struct st_people *pp, const char *dir)
{
	struct st_error err = { 0 };
	struct st_csv_writer w;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	st_csv_writer_init(&w, fp, 0, 1);
	ck_assert_int_eq(st_people_write(pp, &w, labels, &err), 0);
	st_csv_writer_finish(&w);
	fclose(fp);
	st_people_free(pp);
	test_rm_dir(dir);
	return buf;
}

START_TEST(test_one_label_per_person)
{
	struct st_article a;
	struct st_error err = { 0 };
	char dir[256], *r;
	struct st_people *pp = people(dir, sizeof dir);

	st_article_init(&a);
	/* Melkonyan twice, leaning x overall; officials (a group) alone */
	add(&a, 1, "Arsen Melkonyan", "opposition MP", 0.9);
	add(&a, 2, "Melkonyan", "", 0.4);
	add(&a, 3, "officials", "", 0.3);
	add(&a, 4, "officials", "", 0.8);
	ck_assert_int_eq(st_article_decide(&a, actors, labels, 2, 0, pp, &err),
	                 0);
	ck_assert_int_eq(a.pred[0].label, 0);
	ck_assert_int_eq(a.pred[1].label, 0);
	/* 0.9 * 0.4 against 0.1 * 0.6, normalised */
	ck_assert(fabs(a.pred[1].conf - 0.36 / 0.42) < 1e-9);
	ck_assert(fabs(a.pred[1].prob[0] - 0.4) < 1e-12);	/* its own */
	ck_assert_int_eq(a.pred[2].label, 1);	/* a group: each alone */
	ck_assert_int_eq(a.pred[3].label, 0);
	ck_assert_str_eq(a.evidence[0], "role words");
	ck_assert_str_eq(a.evidence[1], "text");
	/* the people: Melkonyan once, with both names; officials' tie in
	 * quotes goes to the larger probability, x (1.1 against 0.9) */
	r = rows(pp, dir);
	ck_assert_str_eq(r,
		"Arsen Melkonyan,opposition MP,1,2,2,0,x,"
		"Arsen Melkonyan|Melkonyan\n"
		"officials,,1,2,1,1,x,officials\n");
	free(r);
	st_article_clear(&a);
	ck_assert_uint_eq(a.n, 0);
	st_article_finish(&a);
}
END_TEST

START_TEST(test_per_quote)
{
	struct st_article a;

	st_article_init(&a);
	add(&a, 1, "Arsen Melkonyan", "", 0.9);
	add(&a, 2, "Arsen Melkonyan", "", 0.4);
	ck_assert_int_eq(st_article_decide(&a, actors, labels, 2, 1, NULL,
	                                   NULL), 0);
	ck_assert_int_eq(a.pred[0].label, 0);
	ck_assert_int_eq(a.pred[1].label, 1);
	ck_assert(fabs(a.pred[1].conf - 0.6) < 1e-12);
	st_article_finish(&a);
}
END_TEST

START_TEST(test_people_across_articles)
{
	struct st_article a;
	struct st_error err = { 0 };
	char dir[256], *r;
	struct st_people *pp = people(dir, sizeof dir);

	st_article_init(&a);
	/* a surname in one article, the full name in two others */
	add(&a, 1, "Sahakyan", "", 0.2);
	ck_assert_int_eq(st_article_decide(&a, actors, labels, 2, 0, pp, &err),
	                 0);
	st_article_clear(&a);
	add(&a, 1, "Aram Sahakyan", "analyst", 0.2);
	add(&a, 2, "Anna Petrosyan", "", 0.9);
	ck_assert_int_eq(st_article_decide(&a, actors, labels, 2, 0, pp, &err),
	                 0);
	st_article_clear(&a);
	add(&a, 1, "Aram Sahakyan", "", 0.7);
	ck_assert_int_eq(st_article_decide(&a, actors, labels, 2, 0, pp, &err),
	                 0);
	/* the surname is merged into the full name: 3 quotes in 3 articles,
	 * y twice, its role from the first article that gave one */
	r = rows(pp, dir);
	ck_assert_str_eq(r,
		"Aram Sahakyan,analyst,3,3,1,2,y,Aram Sahakyan|Sahakyan\n"
		"Anna Petrosyan,,1,1,1,0,x,Anna Petrosyan\n");
	free(r);
	st_article_finish(&a);
}
END_TEST

START_TEST(test_majority_tie)
{
	struct st_person sp;

	memset(&sp, 0, sizeof sp);
	sp.counts[0] = sp.counts[1] = 2;
	sp.mass[0] = 1.0;
	sp.mass[1] = 1.5;
	ck_assert_int_eq(st_person_majority(&sp, 2), 1);
	sp.mass[1] = 1.0;
	ck_assert_int_eq(st_person_majority(&sp, 2), 0);
}
END_TEST

Suite *tally_suite(void)
{
	Suite *s = suite_create("tally");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_one_label_per_person);
	tcase_add_test(tc, test_per_quote);
	tcase_add_test(tc, test_people_across_articles);
	tcase_add_test(tc, test_majority_tie);
	suite_add_tcase(s, tc);
	return s;
}
