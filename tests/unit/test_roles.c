/* test_roles.c - roles from the words next to a full name, and who is
 * confirmed a person (extract/role.c). */
#include <stdio.h>
#include <check.h>

#include <limits.h>
#include <string.h>

#include "extract/doc.h"
#include "suites.h"

static struct st_doc *run(const char *text)
{
	return test_doc_run(text, strlen(text));
}

START_TEST(test_title_before_the_name)
{
	struct st_doc *d = run("Opposition lawmaker Ara Petrosyan spoke, and "
	                       "Deputy Foreign Minister Narek Simonyan said no.");

	ck_assert_int_eq(d->npe, 2);
	ck_assert_str_eq(d->pe[0].role, "Opposition lawmaker");
	ck_assert_str_eq(d->pe[0].role_fold, "opposition lawmaker");
	ck_assert_int_eq(d->pe[0].role_at, 2);
	ck_assert_int_eq(d->pe[0].confirmed_at, 2);
	ck_assert_str_eq(d->pe[1].role, "Deputy Foreign Minister");
}
END_TEST

START_TEST(test_appositives)
{
	struct st_doc *d = run("Ara Petrosyan, a political analyst at the "
	                       "Orbit Institute, said so. The spokesman of the "
	                       "Defence Ministry, Narek Simonyan, disagreed. "
	                       "Lilit Avagyan, a deputy minister and former "
	                       "envoy, agreed.");

	ck_assert_int_eq(d->npe, 3);
	ck_assert_str_eq(d->pe[0].role,
	                 "political analyst at the Orbit Institute");
	ck_assert_str_eq(d->pe[1].role, "spokesman of the Defence Ministry");
	ck_assert_str_eq(d->pe[2].role, "deputy minister");
	d = run("Ara Petrosyan, an analyst at a Yerevan think tank, said so.");
	ck_assert_str_eq(d->pe[0].role, "analyst at a Yerevan think tank");
}
END_TEST

START_TEST(test_first_role_wins_and_confirmation)
{
	struct st_doc *d = run("They met Gor Vardanyan in Gyumri. Gor "
	                       "Vardanyan's plan failed. Gor Vardanyan, an "
	                       "opposition MP, spoke. Gor Vardanyan, a former "
	                       "minister, left. Arev Blur was quiet.");
	int third = test_tok(d, "Gor", 2);

	ck_assert_int_eq(d->npe, 2);
	ck_assert_str_eq(d->pe[0].role, "opposition MP");
	ck_assert_int_eq(d->pe[0].role_at, third);
	/* confirmed from the mention with a role, not before */
	ck_assert_int_eq(d->pe[0].confirmed_at, third);
	/* no role and no cue verb: a place or a channel, maybe */
	ck_assert_ptr_null(d->pe[1].role);
	ck_assert_int_eq(d->pe[1].confirmed_at, INT_MAX);
}
END_TEST

START_TEST(test_role_words)
{
	struct st_doc *d = run("Secretary-General vice-speaker minister "
	                       "Minister well-known");

	ck_assert_int_eq(st_role_word(d, 0), 1);
	ck_assert_int_eq(st_role_word(d, 1), 1);
	ck_assert_int_eq(st_role_word(d, 2), 1);
	ck_assert_int_eq(st_role_word(d, 3), 1);
	ck_assert_int_eq(st_role_word(d, 4), 0);
	ck_assert_int_eq(st_role_word(d, 5), 0);
}
END_TEST

Suite *roles_suite(void)
{
	Suite *s = suite_create("roles");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, test_doc_setup, test_doc_teardown);
	tcase_add_test(tc, test_title_before_the_name);
	tcase_add_test(tc, test_appositives);
	tcase_add_test(tc, test_first_role_wins_and_confirmation);
	tcase_add_test(tc, test_role_words);
	suite_add_tcase(s, tc);
	return s;
}
