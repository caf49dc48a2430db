/* test_speakers.c - speaker identities, one camp per person, evidence
 * (speakers.h). */
#include <stdio.h>
#include <check.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "suites.h"

static struct st_actors *shipped(void)
{
	struct st_actors *a = st_actors_new();
	struct st_error err = { 0 };

	ck_assert_int_eq(st_actors_load_default(a, &err), 0);
	return a;
}

/* "KIND|KEY|NAME" of speaker. */
static const char *ident(const struct st_actors *a, const char *speaker)
{
	static char buf[256];
	struct st_buf key = ST_BUF_INIT, name = ST_BUF_INIT;
	int kind = st_speaker_key(a, speaker, &key, &name);

	snprintf(buf, sizeof buf, "%d|%s|%s", kind, key.s ? key.s : "",
	         name.s ? name.s : "");
	st_buf_finish(&key);
	st_buf_finish(&name);
	return buf;
}

START_TEST(test_keys)
{
	struct st_actors *a = shipped();

	ck_assert_str_eq(ident(a, "Prime Minister Nikol Pashinian"),
	                 "1|A:PASHINYAN|Nikol Pashinyan");
	ck_assert_str_eq(ident(a, "Mr. Pashinyan"), "1|A:PASHINYAN|Nikol Pashinyan");
	ck_assert_str_eq(ident(a, "Dr. Karine Mnatsyan"),
	                 "2|N:karine mnatsyan|Karine Mnatsyan");
	ck_assert_str_eq(ident(a, "Ms Mnatsyan"), "3|S:mnatsyan|Mnatsyan");
	ck_assert_str_eq(ident(a, "officials"), "4|R:officials|officials");
	ck_assert_str_eq(ident(a, "the Armenian opposition"),
	                 "4|R:the Armenian opposition|the Armenian opposition");
	ck_assert_str_eq(ident(a, ""), "0||");
	/* without a dictionary, names only */
	ck_assert_str_eq(ident(NULL, "Nikol Pashinyan"),
	                 "2|N:nikol pashinyan|Nikol Pashinyan");
	st_actors_free(a);
}
END_TEST

START_TEST(test_merge)
{
	char *keys[] = { "S:melkonyan", "N:arsen melkonyan", "A:PASHINYAN",
		"N:arsen a melkonyan", "S:petrosyan", "N:anna petrosyan",
		"N:karen petrosyan", "A:PASHINYAN", "S:melkonyan", "R:officials",
		"N:arsen melkonyan" };
	char *names[] = { "Melkonyan", "Arsen Melkonyan", "Nikol Pashinyan",
		"Arsen A. Melkonyan", "Petrosyan", "Anna Petrosyan",
		"Karen Petrosyan", "Nikol Pashinyan", "Melkonyan", "officials",
		"Arsen Melkonyan" };
	size_t canon[11], want[] = { 3, 3, 2, 3, 4, 5, 6, 2, 3, 9, 3 }, i;

	st_speaker_merge(keys, names, 11, canon);
	for (i = 0; i < 11; i++)
		ck_assert_msg(canon[i] == want[i], "%zu: %zu, want %zu", i,
		              canon[i], want[i]);
	st_speaker_merge(keys, names, 0, canon);
}
END_TEST

START_TEST(test_combine)
{
	/* two quotes: (0.6, 0.3, 0.1) and (0.2, 0.7, 0.1) -> products
	 * 0.12, 0.21, 0.01 */
	double p[] = { 0.6, 0.3, 0.1, 0.2, 0.7, 0.1 }, out[3];

	ck_assert_int_eq(st_combine_probs(p, 2, 3, out), 1);
	ck_assert_double_eq_tol(out[0], 0.12 / 0.34, 1e-12);
	ck_assert_double_eq_tol(out[1], 0.21 / 0.34, 1e-12);
	ck_assert_double_eq_tol(out[2], 0.01 / 0.34, 1e-12);
	/* a zero counts as 1e-12, and one quote is itself */
	{
		double z[] = { 0.0, 1.0 }, o[2];
		ck_assert_int_eq(st_combine_probs(z, 1, 2, o), 1);
		ck_assert_double_eq_tol(o[1], 1.0, 1e-9);
	}
}
END_TEST

START_TEST(test_evidence)
{
	struct st_actors *a = shipped();
	struct st_buf b = ST_BUF_INIT;

	st_evidence(a, "Robert Kocharyan", "", "2022-05-01",
	            "pro-Russia opposition", &b);
	ck_assert_str_eq(b.s, "actor Robert Kocharyan: leader of the Armenia "
	                 "Alliance (2021-) pro-Russia opposition");
	st_buf_reset(&b);
	st_evidence(a, "Robert Kocharyan", "", "2005-05-01", "government", &b);
	ck_assert_str_eq(b.s, "actor Robert Kocharyan: President of Armenia "
	                 "(1998-2008) government");
	st_buf_reset(&b);
	st_evidence(a, "", "the Kremlin's spokesman", "", "other", &b);
	ck_assert_str_eq(b.s, "actor Kremlin: the Russian presidency other");
	/* a label against the actor's camp: the words decided */
	st_buf_reset(&b);
	st_evidence(a, "Nikol Pashinyan", "Prime Minister", "2024-02-01",
	            "pro-Russia opposition", &b);
	ck_assert_str_eq(b.s, "role words");
	st_buf_reset(&b);
	st_evidence(a, "Ani Hakobyan", "", "2024-02-01", "government", &b);
	ck_assert_str_eq(b.s, "text");
	st_buf_finish(&b);
	st_actors_free(a);
}
END_TEST

Suite *speakers_suite(void)
{
	Suite *s = suite_create("speakers");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_keys);
	tcase_add_test(tc, test_merge);
	tcase_add_test(tc, test_combine);
	tcase_add_test(tc, test_evidence);
	suite_add_tcase(s, tc);
	return s;
}
