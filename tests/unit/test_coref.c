/* test_coref.c - surnames, pronouns and nominals resolved to people
 * (extract/coref.c). */
#include <stdio.h>
#include <check.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/doc.h"
#include "suites.h"

static struct st_doc *run(const char *text)
{
	return test_doc_run(text, strlen(text));
}

START_TEST(test_surname_to_the_latest_full_name)
{
	struct st_doc *d = run("Aram Sahakyan said yes. Lilit Sahakyan said no. "
	                       "Sahakyan added more. Aram Sahakyan left. "
	                       "Sahakyan said goodbye. They thanked Kelikyan.");
	int s1 = test_tok(d, "Sahakyan", 2), s2 = test_tok(d, "Sahakyan", 4);

	ck_assert_int_eq(d->npe, 2);
	ck_assert_int_eq(st_person_at(d, s1), 1);
	ck_assert_int_eq(st_person_at(d, s2), 0);
	/* a surname nobody was named with is no mention */
	ck_assert_int_eq(d->t[test_tok(d, "Kelikyan", 0)].ment, -1);
}
END_TEST

START_TEST(test_person_known_by_surname_alone)
{
	struct st_doc *d = run("Kelikyan said the bloc had failed. Later he "
	                       "told Lusaber the same. Protesters said no, and "
	                       "Yerevan's envoy said nothing.");

	/* the subject of a cue verb; not its object, a plural or a
	 * possessive */
	ck_assert_int_eq(d->npe, 1);
	ck_assert_str_eq(d->pe[0].name, "Kelikyan");
	ck_assert_int_eq(d->pe[0].confirmed_at, 0);
	ck_assert_int_eq(st_person_at(d, 0), 0);
	ck_assert_int_eq(st_person_at(d, test_tok(d, "he", 0)), 0);
	ck_assert_int_eq(d->t[test_tok(d, "Lusaber", 0)].ment, -1);
	ck_assert_int_eq(d->t[test_tok(d, "Protesters", 0)].ment, -1);
}
END_TEST

START_TEST(test_pronouns_by_gender)
{
	struct st_doc *d = run("Anahit Sargsyan said yes. Aram Kelikyan said "
	                       "no. She said more. He said less.");

	ck_assert_int_eq(st_person_at(d, test_tok(d, "She", 0)), 0);
	ck_assert_int_eq(st_person_at(d, test_tok(d, "He", 0)), 1);
	/* with nobody of that gender, the latest person */
	d = run("Aram Kelikyan said no. She said yes.");
	ck_assert_int_eq(st_person_at(d, test_tok(d, "She", 0)), 0);
	/* nobody confirmed: the first name says who "she" is */
	d = run("Tatevik Arzumanyan ran home. Aram Kelikyan stayed. She made "
	        "coffee.");
	ck_assert_int_eq(st_person_at(d, test_tok(d, "She", 0)), 0);
	/* nobody at all */
	d = run("He said no.");
	ck_assert_int_eq(d->nm, 1);
	ck_assert_int_eq(st_person_at(d, 0), -1);
	/* nobody before it: the first person named after it, close by */
	d = run("He said no.\nAram Kelikyan added more.\n");
	ck_assert_int_eq(st_person_at(d, 0), 0);
	d = run("He said no.\nOne.\nTwo.\nAram Kelikyan added more.\n");
	ck_assert_int_eq(st_person_at(d, 0), -1);
}
END_TEST

START_TEST(test_pronouns_skip_unconfirmed)
{
	/* Arev Blur has no role and no cue verb: not a person yet */
	struct st_doc *d = run("Aram Kelikyan said so. They met in Arev Blur. "
	                       "He said more.");

	ck_assert_int_eq(d->npe, 2);
	ck_assert_int_eq(st_person_at(d, test_tok(d, "He", 0)), 0);
}
END_TEST

START_TEST(test_nominals)
{
	struct st_doc *d = run("Foreign Minister Aram Kelikyan spoke, and "
	                       "analyst Lilit Avagyan spoke. The minister said "
	                       "no. The analyst said yes. The governor said "
	                       "nothing.");
	int m = test_tok(d, "The", 0);

	ck_assert_int_eq(d->m[d->t[m].ment].kind, ST_MK_NOMINAL);
	ck_assert_int_eq(st_person_at(d, m), 0);
	ck_assert_int_eq(st_person_at(d, test_tok(d, "The", 1)), 1);
	ck_assert_int_eq(st_person_at(d, test_tok(d, "The", 2)), -1);
	/* resolved as the article stands: a role given later does not count
	 * at that point, but does for the whole article */
	d = run("The minister said no. Aram Kelikyan, a minister, spoke.");
	ck_assert_int_eq(st_person_at(d, 0), -1);
	ck_assert_int_eq(st_resolve_back(d, d->nt, -1, "minister", INT_MAX), 0);
	ck_assert_int_eq(st_resolve_back(d, d->nt, -1, "minister", 5), -1);
}
END_TEST

/* issue 13: '"We stay here," he said. ' * 80000 took 7.6 s */
START_TEST(test_many_pronouns)
{
	static const char one[] = "\"We stay here,\" he said. ";
	size_t n = 80000, k, m = strlen(one);
	struct st_buf b = ST_BUF_INIT;
	struct st_quotes qs;
	struct st_doc *d;

	for (k = 0; k < n; k++)
		st_buf_add(&b, one, m);
	d = test_doc_run(b.s, b.len);
	ck_assert_int_eq(d->nm, 80000);
	ck_assert_int_eq(d->m[79999].person, -1);
	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(b.s, b.len, &qs), 80000);
	ck_assert_str_eq(qs.q[79999].speaker, "");
	ck_assert_str_eq(qs.q[79999].text, "We stay here,");
	/* with a person named first, every "he" is that person */
	st_buf_reset(&b);
	st_buf_adds(&b, "Aram Kelikyan said so.\n");
	for (k = 0; k < n; k++)
		st_buf_add(&b, one, m);
	d = test_doc_run(b.s, b.len);
	ck_assert_int_eq(d->m[80000].person, 0);
	ck_assert_uint_eq(test_doc_quotes(b.s, b.len, &qs), 80000);
	ck_assert_str_eq(qs.q[79999].speaker, "Aram Kelikyan");
	st_quotes_finish(&qs);
	st_buf_finish(&b);
}
END_TEST

Suite *coref_suite(void)
{
	Suite *s = suite_create("coref");
	TCase *tc = tcase_create("core");
	TCase *big = tcase_create("linear");

	tcase_add_checked_fixture(tc, test_doc_setup, test_doc_teardown);
	tcase_add_test(tc, test_surname_to_the_latest_full_name);
	tcase_add_test(tc, test_person_known_by_surname_alone);
	tcase_add_test(tc, test_pronouns_by_gender);
	tcase_add_test(tc, test_pronouns_skip_unconfirmed);
	tcase_add_test(tc, test_nominals);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(big, test_doc_setup, test_doc_teardown);
	tcase_set_timeout(big, 120);
	tcase_add_test(big, test_many_pronouns);
	suite_add_tcase(s, big);
	return s;
}
