/* test_actors.c - the actor dictionary: loading, errors, overrides, name
 * matching and dated affiliations (actors.h). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "suites.h"

static struct st_actors *shipped(void)
{
	struct st_actors *a = st_actors_new();
	struct st_error err = { 0 };

	ck_assert_msg(st_actors_load_default(a, &err) == 0, "%s:%ld: %s",
	              err.file, err.line, err.msg);
	return a;
}

/* "ID CODE camp" of what speaker and role resolve to on date, or
 * "none". */
static const char *who(const struct st_actors *a, const char *speaker,
                       const char *role, const char *date)
{
	static char buf[256];
	const struct st_aff *f[4];
	int actor;
	size_t n = st_actors_resolve(a, speaker, role, date, &actor, f, 4);

	if (!n)
		return "none";
	snprintf(buf, sizeof buf, "%s %s %s", st_actor_id(a, actor), f[0]->code,
	         f[0]->camp);
	return buf;
}

START_TEST(test_shipped_loads)
{
	struct st_actors *a = shipped();

	ck_assert_uint_gt(st_actors_count(a), 60);
	st_actors_free(a);
	st_actors_free(NULL);
}
END_TEST

START_TEST(test_person_by_date)
{
	struct st_actors *a = shipped();

	/* a president who later leads an opposition bloc */
	ck_assert_str_eq(who(a, "Robert Kocharyan", "", "2005-06-01"),
	                 "KOCHARYAN GOV government");
	ck_assert_str_eq(who(a, "Robert Kocharian", "", "2021-11-30"),
	                 "KOCHARYAN HAYASTAN pro-Russia opposition");
	ck_assert_str_eq(who(a, "Robert Kocharyan", "", "2012-01-01"), "none");
	ck_assert_str_eq(who(a, "Robert Kocharyan", "", "2021-05-09"),
	                 "KOCHARYAN HAYASTAN pro-Russia opposition");
	ck_assert_str_eq(who(a, "Robert Kocharyan", "", "2021-05-08"), "none");
	/* no date: the latest */
	ck_assert_str_eq(who(a, "Kocharyan", "", ""),
	                 "KOCHARYAN HAYASTAN pro-Russia opposition");
	ck_assert_str_eq(who(a, "Kocharyan", "", NULL),
	                 "KOCHARYAN HAYASTAN pro-Russia opposition");
	/* the ruling party's leader, then in opposition */
	ck_assert_str_eq(who(a, "Serzh Sarkisian", "", "2013-02-18"),
	                 "SERZH_SARGSYAN GOV government");
	ck_assert_str_eq(who(a, "Serzh Sargsyan", "", "2023-09-01"),
	                 "SERZH_SARGSYAN RPA pro-Russia opposition");
	/* both ends of a range count */
	ck_assert_str_eq(who(a, "Pashinyan", "", "2018-05-08"),
	                 "PASHINYAN GOV government");
	ck_assert_str_eq(who(a, "Pashinyan", "", "2018-05-07"), "none");
	ck_assert_str_eq(who(a, "Ararat Mirzoyan", "", "2021-08-02"),
	                 "MIRZOYAN GOV government");
	ck_assert_str_eq(who(a, "Lavrov", "", "2023-03-12"), "LAVROV RUS other");
	ck_assert_str_eq(who(a, "Archbishop Bagrat Galstanyan", "",
	                     "2024-06-09"),
	                 "GALSTANYAN HOLY pro-Russia opposition");
	st_actors_free(a);
}
END_TEST

START_TEST(test_affs_at_date)
{
	struct st_actors *a = shipped();
	const struct st_aff *f[4];
	int i = st_actors_find(a, "Armen Grigoryan");
	size_t n;

	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(st_actor_id(a, i), "ARMEN_GRIGORYAN");
	ck_assert_str_eq(st_actor_name(a, i), "Armen Grigoryan");
	ck_assert_str_eq(st_actor_kind(a, i), "person");
	n = st_actors_affs(a, i, "2021-08-01", f, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(f[0]->role, "First Deputy Minister of Foreign Affairs");
	ck_assert_str_eq(f[0]->from, "2021-07-14");
	ck_assert_str_eq(f[0]->to, "2021-08-18");
	n = st_actors_affs(a, i, "", f, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(f[0]->from, "2021-08-19");
	ck_assert_str_eq(f[0]->to, "");
	ck_assert_uint_eq(st_actors_affs(a, i, "2010-01-01", f, 4), 0);
	ck_assert_uint_eq(st_actors_affs(a, -1, "2010-01-01", f, 4), 0);
	st_actors_free(a);
}
END_TEST

START_TEST(test_names)
{
	struct st_actors *a = shipped();
	struct st_buf b = ST_BUF_INIT;

	/* titles, case, hyphens, marks */
	ck_assert_str_eq(who(a, "Prime Minister Nikol Pashinian", "",
	                     "2024-01-10"), "PASHINYAN GOV government");
	ck_assert_str_eq(who(a, "Mr. Pashinyan", "", "2024-01-10"),
	                 "PASHINYAN GOV government");
	ck_assert_str_eq(who(a, "LEVON TER PETROSYAN", "", "1995-07-05"),
	                 "TER_PETROSYAN GOV government");
	ck_assert_str_eq(who(a, "Nikol V. Pashinyan", "", "2024-01-10"),
	                 "PASHINYAN GOV government");
	/* a hyphenated surname is one surname */
	ck_assert_int_eq(st_actors_find(a, "Petrosyan"), -1);
	/* a surname two people share matches neither */
	ck_assert_int_eq(st_actors_find(a, "Sargsyan"), -1);
	ck_assert_int_eq(st_actors_find(a, "Speaker Simonyan"), -1);
	/* another first name is another person */
	ck_assert_int_eq(st_actors_find(a, "Tigran Grigoryan"), -1);
	ck_assert_int_eq(st_actors_find(a, "Anna Pashinyan"), -1);
	ck_assert_int_eq(st_actors_find(a, ""), -1);
	/* organisations by name, with or without "the" */
	ck_assert_str_eq(who(a, "the Kremlin", "", "2024-01-10"),
	                 "KREMLIN RUS other");
	ck_assert_str_eq(who(a, "the Prime Minister", "", "2015-01-10"),
	                 "ARM_PM GOV government");
	st_name_strip_titles(" Prime Minister Nikol Pashinyan, ", 33, &b);
	ck_assert_str_eq(b.s, "Nikol Pashinyan");
	st_buf_reset(&b);
	st_name_strip_titles("Defence Minister", 16, &b);
	ck_assert_str_eq(b.s, "Defence Minister");
	st_buf_reset(&b);
	st_name_fold("Armenia’s Ter-Petrosyan, Dashnaktsutyun", 41, &b);
	ck_assert_str_eq(b.s, "armenia ter petrosyan dashnaktsutyun");
	st_buf_finish(&b);
	st_actors_free(a);
}
END_TEST

START_TEST(test_roles)
{
	struct st_actors *a = shipped();

	ck_assert_str_eq(who(a, "Anna Hovhannisyan",
	                     "an MP from the I Have Honor faction", "2023-04-01"),
	                 "I_HAVE_HONOR_FACTION HONOR pro-Russia opposition");
	ck_assert_str_eq(who(a, "", "the ARF's parliamentary leader",
	                     "2024-02-01"), "ARF ARF pro-Russia opposition");
	ck_assert_str_eq(who(a, "", "a Dashnaktsutyun MP", "2017-01-01"),
	                 "ARF ARF government");
	/* in Pashinyan's first government until October 2018 */
	ck_assert_str_eq(who(a, "", "an ARF minister", "2018-06-01"),
	                 "ARF ARF government");
	ck_assert_str_eq(who(a, "", "an ARF MP", "2018-10-03"),
	                 "ARF ARF pro-Russia opposition");
	ck_assert_str_eq(who(a, "", "an MP of the With Honor faction",
	                     "2022-09-23"),
	                 "I_HAVE_HONOR_FACTION HONOR pro-Russia opposition");
	ck_assert_str_eq(who(a, "", "a researcher at the Caucasus Institute",
	                     ""), "CAUCASUS_INSTITUTE THINKTANK "
	                 "Western-leaning analyst");
	ck_assert_str_eq(who(a, "", "deputy foreign minister", "2025-01-01"),
	                 "ARM_MFA GOV government");
	ck_assert_str_eq(who(a, "", "Russian Foreign Ministry spokeswoman", ""),
	                 "RUS_MFA RUS other");
	/* no longer the ministry's, or another country's */
	ck_assert_str_eq(who(a, "", "a former defence minister", ""), "none");
	ck_assert_str_eq(who(a, "", "a former deputy foreign minister", ""),
	                 "none");
	ck_assert_str_eq(who(a, "", "the French foreign minister", ""), "none");
	ck_assert_str_eq(who(a, "", "a pro-government analyst", ""), "none");
	ck_assert_str_eq(who(a, "", "opposition MP", ""), "none");
	/* a known speaker wins over the role; a speaker without an
	 * affiliation on the date falls back to the role */
	ck_assert_str_eq(who(a, "Serzh Sargsyan", "a government official",
	                     "2020-01-01"),
	                 "SERZH_SARGSYAN RPA pro-Russia opposition");
	ck_assert_str_eq(who(a, "Nikol Pashinyan", "an MP of the Yelk bloc",
	                     "2017-06-01"), "none");
	st_actors_free(a);
}
END_TEST

static int load(struct st_actors *a, const char *text, struct st_error *err)
{
	return st_actors_load(a, "my.txt", text, strlen(text), err);
}

START_TEST(test_user_file_overrides)
{
	struct st_actors *a = shipped();
	struct st_error err = { 0 };
	size_t n = st_actors_count(a);

	/* an invented person, and the shipped PASHINYAN's affiliations
	 * replaced by this file's */
	ck_assert_int_eq(load(a, "# mine\n"
	                 "actor\tMELKONYAN_A\tperson\tArsen Melkonyan|Melkonyan\n"
	                 "aff\tMELKONYAN_A\t2020-01-01\t\tpro-Russia opposition"
	                 "\tHAYASTAN\tMP\n"
	                 "aff\tPASHINYAN\t\t\tother\tTEST\tchanged\r\n", &err), 0);
	ck_assert_uint_eq(st_actors_count(a), n + 1);
	ck_assert_str_eq(who(a, "Arsen Melkonyan", "", "2026-01-09"),
	                 "MELKONYAN_A HAYASTAN pro-Russia opposition");
	ck_assert_str_eq(who(a, "Pashinyan", "", "2024-01-01"),
	                 "PASHINYAN TEST other");
	/* an actor record again replaces the variants */
	ck_assert_int_eq(load(a, "actor\tMELKONYAN_A\tperson\tA. Melkonyan\n",
	                      &err), 0);
	ck_assert_uint_eq(st_actors_count(a), n + 1);
	ck_assert_int_eq(st_actors_find(a, "Arsen Melkonyan"), -1);
	ck_assert_str_eq(who(a, "A. Melkonyan", "", "2026-01-09"),
	                 "MELKONYAN_A HAYASTAN pro-Russia opposition");
	st_actors_free(a);
}
END_TEST

START_TEST(test_errors)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{ "actor\tX\tperson\tA B\nfoo\tX\n", 2,
		  "unknown record 'foo' (actor or aff)" },
		{ "actor\tX\tpeople\tA B\n", 1, "unknown kind 'people' (person, "
		  "party, bloc, faction, ministry, institution, thinktank or "
		  "state)" },
		{ "actor\tX\tperson\n", 1, "an actor record has 4 fields (actor, "
		  "ID, KIND, variants), found 3" },
		{ "actor\tX\tperson\tA B||C\n", 1, "empty name variant for 'X'" },
		{ "actor\tX Y\tperson\tA B\n", 1, "bad actor ID 'X Y'" },
		{ "actor\tX\tperson\tA B\naff\tX\t2024-13-01\t\tother\tC\tr\n", 2,
		  "bad date '2024-13-01' (not YYYY-MM-DD)" },
		{ "actor\tX\tperson\tA B\naff\tX\t2023-02-29\t\tother\tC\tr\n", 2,
		  "bad date '2023-02-29' (not YYYY-MM-DD)" },
		{ "actor\tX\tperson\tA B\naff\tX\t2024-02-01\t2024-01-01\tother"
		  "\tC\tr\n", 2, "affiliation ends (2024-01-01) before it starts "
		  "(2024-02-01)" },
		{ "actor\tX\tperson\tA B\naff\tX\t\t\tneutral\tC\tr\n", 2,
		  "unknown camp 'neutral'" },
		{ "actor\tX\tperson\tA B\naff\tX\t\t\tother\t\tr\n", 2,
		  "bad code ''" },
		{ "actor\tX\tperson\tA B\naff\tX\t\t\tother\tC\n", 2,
		  "an aff record has 7 fields (aff, ID, FROM, TO, CAMP, CODE, "
		  "ROLE), found 6" },
		{ "aff\tNOBODY\t\t\tother\tC\tr\n", 1,
		  "aff record for unknown actor 'NOBODY'" },
		{ "actor\tX\tperson\tA B\n\nactor\tX\tparty\tC\n", 3,
		  "actor 'X' defined twice (first at line 1)" },
		{ "aff\tX\t\t\tother\tC\tr\tmore\n", 1, "too many fields" },
	};
	size_t k;

	for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		struct st_actors *a = st_actors_new();
		struct st_error err = { 0 };

		ck_assert_int_eq(load(a, bad[k].text, &err), -1);
		ck_assert_str_eq(err.file, "my.txt");
		ck_assert_int_eq(err.line, bad[k].line);
		ck_assert_str_eq(err.msg, bad[k].msg);
		/* a failed load leaves the dictionary as it was */
		ck_assert_uint_eq(st_actors_count(a), 0);
		st_actors_free(a);
	}
}
END_TEST

START_TEST(test_load_file)
{
	char dir[256], path[300];
	struct st_actors *a = st_actors_new();
	struct st_error err = { 0 };
	FILE *fp;

	test_make_dir(dir, sizeof dir, "actors");
	snprintf(path, sizeof path, "%s/actors.txt", dir);
	fp = fopen(path, "w");
	fputs("actor\tCC\tparty\tCivil Contract\n"
	      "aff\tCC\t2018-05-08\t\tgovernment\tCC\truling party\n", fp);
	fclose(fp);
	ck_assert_int_eq(st_actors_load_file(a, path, &err), 0);
	ck_assert_str_eq(who(a, "", "a Civil Contract MP", "2020-01-01"),
	                 "CC CC government");
	snprintf(path, sizeof path, "%s/missing.txt", dir);
	ck_assert_int_eq(st_actors_load_file(a, path, &err), -1);
	ck_assert_str_eq(err.file, path);
	st_actors_free(a);
	test_rm_dir(dir);
}
END_TEST

Suite *actors_suite(void)
{
	Suite *s = suite_create("actors");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_shipped_loads);
	tcase_add_test(tc, test_person_by_date);
	tcase_add_test(tc, test_affs_at_date);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_roles);
	tcase_add_test(tc, test_user_file_overrides);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_load_file);
	suite_add_tcase(s, tc);
	return s;
}
