/* test_tokens.c - normalised, stemmed words (tokens.h). */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "suites.h"
#include "text/text.h"

static struct st_tokenizer *tk;

static void setup(void)
{
	struct st_error err;

	tk = st_tokenizer_new(&err);
	ck_assert_msg(tk != NULL, "st_tokenizer_new: %s", err.msg);
}

static void teardown(void)
{
	st_tokenizer_free(tk);
	tk = NULL;
}

/* Tokenise s into a fresh buffer; returns the count, *out owns text. */
static size_t tok(const char *s, struct st_buf *out)
{
	st_buf_init(out);
	return st_tokenize(tk, s, strlen(s), out);
}

START_TEST(test_tokenize_english)
{
	struct st_buf b;

	/* curly possessive dropped, MPs folded (too short to stem), don't
	 * kept whole, LIKE folded */
	ck_assert_uint_eq(tok("Armenia\xe2\x80\x99s MPs don't LIKE it", &b), 5);
	ck_assert_str_eq(b.s, "armenia mps don't like it");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_stems)
{
	struct st_buf b;

	ck_assert_uint_eq(tok("The alliance's leaders were warning, "
	                      "repeatedly: \"Participation is frozen!\"", &b), 9);
	ck_assert_str_eq(b.s, "the allianc leader were warn repeat particip is "
	                 "frozen");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_hyphen_digits)
{
	struct st_buf b;

	ck_assert_uint_eq(tok("military-technical co-operation in 2026, "
	                      "102nd base", &b), 6);
	ck_assert_str_eq(b.s, "military-techn co-oper in 2026 102nd base");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_cyrillic)
{
	struct st_buf b;

	/* folded to lower case; the English stemmer leaves Cyrillic alone */
	ck_assert_uint_eq(tok("\xd0\x9e\xd0\x94\xd0\x9a\xd0\x91 \xd0\x98 "
	                      "\xd0\x90\xd0\xa0\xd0\x9c\xd0\x95\xd0\x9d\xd0\x98"
	                      "\xd0\xaf", &b), 3);
	/* "одкб и армения" */
	ck_assert_str_eq(b.s, "\xd0\xbe\xd0\xb4\xd0\xba\xd0\xb1 \xd0\xb8 "
	                 "\xd0\xb0\xd1\x80\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb8"
	                 "\xd1\x8f");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_armenian)
{
	struct st_buf b;

	/* Armenian capitals fold to small letters: ՀԱՅԱՍՏԱՆ -> հայաստան */
	ck_assert_uint_eq(tok("\xd5\x80\xd4\xb1\xd5\x85\xd4\xb1\xd5\x8d\xd5\x8f"
	                      "\xd4\xb1\xd5\x86", &b), 1);
	ck_assert_str_eq(b.s, "\xd5\xb0\xd5\xa1\xd5\xb5\xd5\xa1\xd5\xbd\xd5\xbf"
	                 "\xd5\xa1\xd5\xb6");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_appends)
{
	struct st_buf b = ST_BUF_INIT;

	st_buf_adds(&b, "start");
	ck_assert_uint_eq(st_tokenize(tk, "Yerevan said", 12, &b), 2);
	ck_assert_str_eq(b.s, "start yerevan said");
	/* only s[0..n) is read */
	ck_assert_uint_eq(st_tokenize(tk, "Moscow waits", 6, &b), 1);
	ck_assert_str_eq(b.s, "start yerevan said moscow");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_empty_and_punct)
{
	struct st_buf b;

	ck_assert_uint_eq(tok("", &b), 0);
	ck_assert_ptr_null(b.s);
	st_buf_finish(&b);
	ck_assert_uint_eq(tok(" -- \xe2\x80\x9c!?\xe2\x80\x9d ...", &b), 0);
	ck_assert_uint_eq(b.len, 0);
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_invalid_utf8_skipped)
{
	struct st_buf b;

	ck_assert_uint_eq(tok("bad \xff\xfe bytes \xc0\xaf here", &b), 3);
	ck_assert_str_eq(b.s, "bad byte here");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_tokenize_compat_fold)
{
	struct st_buf b;

	/* NFKC: the ligature "ﬁ" and full-width letters become plain */
	ck_assert_uint_eq(tok("\xef\xac\x81nal \xef\xbc\xa3\xef\xbc\xb3"
	                      "\xef\xbc\xb4\xef\xbc\xaf", &b), 2);
	ck_assert_str_eq(b.s, "final csto");
	st_buf_finish(&b);
}
END_TEST

Suite *tokens_suite(void)
{
	Suite *s = suite_create("tokens");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tokenize_english);
	tcase_add_test(tc, test_tokenize_stems);
	tcase_add_test(tc, test_tokenize_hyphen_digits);
	tcase_add_test(tc, test_tokenize_cyrillic);
	tcase_add_test(tc, test_tokenize_armenian);
	tcase_add_test(tc, test_tokenize_appends);
	tcase_add_test(tc, test_tokenize_empty_and_punct);
	tcase_add_test(tc, test_tokenize_invalid_utf8_skipped);
	tcase_add_test(tc, test_tokenize_compat_fold);
	suite_add_tcase(s, tc);
	return s;
}
