/* test_mentions.c - people, and the words that may stand for them
 * (extract/mentions.c). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/doc.h"
#include "suites.h"

static struct st_doc *run(const char *text)
{
	return test_doc_run(text, strlen(text));
}

START_TEST(test_full_names_and_titles)
{
	struct st_doc *d = run("Deputy Foreign Minister Narek Simonyan met "
	                       "Anahit Sargsyan and Narek Simonyan's aide.");
	int a = test_tok(d, "Narek", 0);

	ck_assert_int_eq(d->npe, 2);
	ck_assert_str_eq(d->pe[0].name, "Narek Simonyan");
	ck_assert_str_eq(d->pe[0].surname, "Simonyan");
	ck_assert_int_eq(d->pe[0].female, 0);
	ck_assert_str_eq(d->pe[1].name, "Anahit Sargsyan");
	ck_assert_int_eq(d->pe[1].female, 1);
	ck_assert_int_eq(d->nm, 3);
	ck_assert_int_eq(d->m[0].kind, ST_MK_FULL);
	ck_assert_int_eq(d->m[0].t0, a);
	ck_assert_int_eq(d->m[0].t1, a + 2);
	ck_assert_int_eq(d->m[0].r0, 0);
	ck_assert_int_eq(d->m[0].person, 0);
	ck_assert_int_eq(d->t[a].ment, 0);
	/* the same person again, ended by a possessive */
	ck_assert_int_eq(d->m[2].person, 0);
	ck_assert_int_eq(d->m[2].poss, 1);
	ck_assert_int_eq(*st_map_get(&d->names, "Narek Simonyan"), 0);
}
END_TEST

START_TEST(test_organisation_before_the_name)
{
	struct st_doc *d = run("Russian expert, head of the Center for Policy "
	                       "Studies Gor Vardazaryan said so.");

	ck_assert_int_eq(d->npe, 1);
	ck_assert_str_eq(d->pe[0].name, "Gor Vardazaryan");
	ck_assert_int_eq(d->m[0].t0, test_tok(d, "Gor", 0));
}
END_TEST

START_TEST(test_not_people)
{
	struct st_doc *d = run("The Sevan Herald wrote that the Homeland Unity "
	                       "faction met in Yerevan on Tuesday. Nor Aresh "
	                       "Gazette Daily Courier Weekly was closed.");

	/* an article before it, an organisation noun after it, a word that is
	 * never a name inside it, or five words */
	ck_assert_int_eq(d->npe, 0);
	/* "Weekly" after the names of papers is a surname of nobody */
	ck_assert_int_eq(d->nm, 1);
	ck_assert_int_eq(d->m[0].kind, ST_MK_SURNAME);
	ck_assert_int_eq(d->m[0].person, -1);
	ck_assert_int_eq(d->t[test_tok(d, "Weekly", 0)].ment, -1);
}
END_TEST

START_TEST(test_surnames_pronouns_nominals)
{
	struct st_doc *d = run("Sahakyan spoke. He said it. She added. The "
	                       "minister said no, and the analyst later said "
	                       "yes.");

	ck_assert_int_eq(d->npe, 0);
	/* a surname with no full name before it is no mention */
	ck_assert_int_eq(d->t[0].ment, -1);
	ck_assert_int_eq(d->nm, 5);
	ck_assert_int_eq(d->m[1].kind, ST_MK_PRONOUN);
	ck_assert_int_eq(d->m[1].female, 0);
	ck_assert_int_eq(d->m[2].kind, ST_MK_PRONOUN);
	ck_assert_int_eq(d->m[2].female, 1);
	/* "the minister said", "the analyst later said" */
	ck_assert_int_eq(d->m[3].kind, ST_MK_NOMINAL);
	ck_assert_int_eq(d->m[3].t0, test_tok(d, "The", 0));
	ck_assert_int_eq(d->m[3].t1, test_tok(d, "minister", 0) + 1);
	ck_assert_int_eq(d->m[4].kind, ST_MK_NOMINAL);
	ck_assert_int_eq(d->m[4].t0, test_tok(d, "the", 0));
	ck_assert_int_eq(d->m[4].t1, test_tok(d, "analyst", 0) + 1);
}
END_TEST

START_TEST(test_gender_from_first_names)
{
	struct st_doc *d = run("Lilit Avagyan, Zara Petrosyan, Ara Hakobyan "
	                       "and Vrej Kelikyan met.");

	ck_assert_int_eq(d->npe, 4);
	ck_assert_int_eq(d->pe[0].female, 1);
	ck_assert_int_eq(d->pe[1].female, 1);
	/* Ara ends in -a but is listed as male */
	ck_assert_int_eq(d->pe[2].female, 0);
	ck_assert_int_eq(d->pe[3].female, -1);
}
END_TEST

/* issue 13: a soft hyphen, zero-width space or joiner in a name cut the
 * speaker short */
START_TEST(test_invisible_characters_in_names)
{
	static const char text[] =
		"Ar\xc2\xadsen Mel\xe2\x80\x8bkonyan said: \"We stay.\"\n"
		"Ani Kar\xe2\x80\x8d" "apetyan said: \"We go.\"\n"
		"\"We will not leave,\" Vahe Ter\xe2\x80\x8c-Grigoryan said.\n";
	struct st_quotes qs;

	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(text, strlen(text), &qs), 3);
	ck_assert_str_eq(qs.q[0].speaker, "Arsen Melkonyan");
	ck_assert_str_eq(qs.q[1].speaker, "Ani Karapetyan");
	ck_assert_str_eq(qs.q[2].speaker, "Vahe Ter-Grigoryan");
	st_quotes_finish(&qs);
}
END_TEST

static void surname(char *out, size_t k)
{
	/* an invented surname for every k: V + letters + yan */
	char s[16];
	int n = 0;

	k += 26 * 26;
	while (k) {
		s[n++] = (char)('a' + k % 26);
		k /= 26;
	}
	*out++ = 'V';
	while (n)
		*out++ = s[--n];
	strcpy(out, "yan");
}

/* issue 13: 80,000 speakers took 18.5 s in the person lookup */
START_TEST(test_many_distinct_speakers)
{
	size_t n = 80000, k;
	struct st_buf b = ST_BUF_INIT;
	struct st_quotes qs;
	struct st_doc *d;
	char name[32];

	for (k = 0; k < n; k++) {
		surname(name, k);
		st_buf_addf(&b, "\"We stay here,\" Aram %s said.\n", name);
	}
	d = test_doc_run(b.s, b.len);
	ck_assert_int_eq(d->npe, 80000);
	surname(name, 79999);
	ck_assert_str_eq(d->pe[79999].surname, name);
	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(b.s, b.len, &qs), 80000);
	ck_assert_str_eq(qs.q[0].speaker, "Aram Vbaayan");
	ck_assert_str_eq(qs.q[79999].speaker + 5, name);
	st_quotes_finish(&qs);
	st_buf_finish(&b);
}
END_TEST

Suite *mentions_suite(void)
{
	Suite *s = suite_create("mentions");
	TCase *tc = tcase_create("core");
	TCase *big = tcase_create("linear");

	tcase_add_checked_fixture(tc, test_doc_setup, test_doc_teardown);
	tcase_add_test(tc, test_full_names_and_titles);
	tcase_add_test(tc, test_not_people);
	tcase_add_test(tc, test_organisation_before_the_name);
	tcase_add_test(tc, test_surnames_pronouns_nominals);
	tcase_add_test(tc, test_gender_from_first_names);
	tcase_add_test(tc, test_invisible_characters_in_names);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(big, test_doc_setup, test_doc_teardown);
	tcase_set_timeout(big, 120);
	tcase_add_test(big, test_many_distinct_speakers);
	suite_add_tcase(s, big);
	return s;
}
