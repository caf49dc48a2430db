/* test_lexicon.c - the word lists of pipeline/data/ as the extraction
 * passes see them (extract/doc.h, lexicon.c), and case folding. */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "extract/doc.h"
#include "suites.h"

static struct st_lexicon lx;

static void setup(void)
{
	st_lexicon_init(&lx);
}

static void teardown(void)
{
	st_lexicon_finish(&lx);
}

static int cls(const char *w)
{
	int *v = st_map_get(&lx.classes, w);
	return v ? *v : 0;
}

START_TEST(test_word_classes)
{
	ck_assert_int_eq(cls("says") & ST_W_CUE, ST_W_CUE);
	ck_assert_int_eq(cls("according") & ST_W_PHRASE, ST_W_PHRASE);
	ck_assert_int_eq(cls("the") & (ST_W_FUNC | ST_W_DET),
	                 ST_W_FUNC | ST_W_DET);
	ck_assert_int_eq(cls("airport"), ST_W_ORG);
	ck_assert_int_eq(cls("faction"), ST_W_ORG | ST_W_ROLE);
	ck_assert_int_eq(cls("mr"), ST_W_ABBR);
	ck_assert_int_eq(cls("outside"), ST_W_PREP);
	ck_assert_int_eq(cls("reportedly"), ST_W_SKIP);
	ck_assert_int_eq(cls("minister"), ST_W_ROLE | ST_W_PERSON);
	ck_assert_int_eq(cls("pm"), ST_W_PERSON);
	ck_assert_int_eq(cls("prime"), 0);
	ck_assert_int_eq(cls("cannot"), ST_W_NOGROUP);
	ck_assert_int_eq(cls("whereas"), ST_W_CONJ);
	ck_assert_int_eq(*st_map_get(&lx.clause, "whose"), ST_CW_RELATIVE);
	ck_assert_int_eq(*st_map_get(&lx.clause, "view"), ST_CW_OPINION);
	ck_assert_int_eq(*st_map_get(&lx.clause, "former"), ST_CW_ROLE_JOIN);
	ck_assert_int_eq(*st_map_get(&lx.clause, "whether"), ST_CW_THAT);
	ck_assert_ptr_null(st_map_get(&lx.clause, "said"));
	ck_assert_str_eq(lx.alias_of.keys[*st_map_get(&lx.aliases, "premier")],
	                 "prime minister");
	ck_assert_int_eq(cls("he"), ST_W_FUNC | ST_W_HE);
	ck_assert_int_eq(cls("she"), ST_W_FUNC | ST_W_SHE);
	ck_assert_int_eq(cls("we"), ST_W_PRON);
	ck_assert_int_eq(cls("yerevan"), 0);
	ck_assert_int_eq(*st_map_get(&lx.phrases, "according to"), 2);
	ck_assert_ptr_nonnull(st_map_get(&lx.nonames, "Tuesday"));
	ck_assert_ptr_null(st_map_get(&lx.nonames, "tuesday"));
	ck_assert_ptr_nonnull(st_map_get(&lx.female, "Anahit"));
	ck_assert_ptr_nonnull(st_map_get(&lx.male, "Aram"));
}
END_TEST

START_TEST(test_name_context)
{
	ck_assert_int_eq(*st_map_get(&lx.before, "so-called"), ST_NC_ALWAYS);
	ck_assert_int_eq(*st_map_get(&lx.before, "known as"), ST_NC_ALWAYS);
	ck_assert_int_eq(*st_map_get(&lx.before, "so called"), ST_NC_ALWAYS);
	ck_assert_int_eq(*st_map_get(&lx.before, "newspaper"), ST_NC_CAPITAL);
	ck_assert_int_eq(*st_map_get(&lx.before, "as"), ST_NC_NEVER);
	ck_assert_int_eq(*st_map_get(&lx.after, "party"), ST_NC_CAPITAL);
	ck_assert_int_eq(*st_map_get(&lx.before, "party"), ST_NC_CAPITAL);
	ck_assert_ptr_null(st_map_get(&lx.before, "agency"));
	ck_assert_ptr_null(st_map_get(&lx.after, "dubbed"));
}
END_TEST

START_TEST(test_fold)
{
	struct st_buf b = ST_BUF_INIT;

	st_fold_add(&b, "SAYS", 4);
	ck_assert_uint_eq(b.len, 4);
	ck_assert_int_eq(memcmp(b.s, "says", 4), 0);
	st_buf_reset(&b);
	/* soft hyphen, zero-width space, non-joiner and joiner go */
	st_fold_add(&b, "Ar\xc2\xads\xe2\x80\x8b" "e\xe2\x80\x8cn\xe2\x80\x8d",
	            16);
	ck_assert_uint_eq(b.len, 5);
	ck_assert_int_eq(memcmp(b.s, "arsen", 5), 0);
	st_buf_reset(&b);
	/* Armenian and Cyrillic capitals fold too: Ա -> ա, Д -> д */
	st_fold_add(&b, "\xd4\xb1\xd0\x94", 4);
	ck_assert_uint_eq(b.len, 4);
	ck_assert_int_eq(memcmp(b.s, "\xd5\xa1\xd0\xb4", 4), 0);
	st_buf_reset(&b);
	st_visible_add(&b, "Mel\xe2\x80\x8bkonyan\xc2\xad", 12);
	ck_assert_uint_eq(b.len, 9);
	ck_assert_int_eq(memcmp(b.s, "Melkonyan", 9), 0);
	st_buf_finish(&b);
}
END_TEST

Suite *lexicon_suite(void)
{
	Suite *s = suite_create("lexicon");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_word_classes);
	tcase_add_test(tc, test_name_context);
	tcase_add_test(tc, test_fold);
	suite_add_tcase(s, tc);
	return s;
}
