/* test_scan.c - paragraphs, tokens, marks and cues (extract/scan.c). */
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

START_TEST(test_paragraphs)
{
	struct st_doc *d = run("\xef\xbb\xbf  First line.\r\n\r\n\tSecond\rThird "
	                       "\n");

	ck_assert_int_eq(d->np, 3);
	ck_assert_uint_eq(d->p[0].s, 5);
	ck_assert_uint_eq(d->p[0].e, 16);
	ck_assert_int_eq(d->p[0].num, 1);
	ck_assert_int_eq(d->p[1].num, 2);
	ck_assert_uint_eq(d->p[1].s, 21);
	ck_assert_uint_eq(d->p[2].e, 33);
	ck_assert_int_eq(d->p[0].t0, 0);
	ck_assert_int_eq(d->p[0].t1, 3);
	ck_assert_int_eq(d->p[2].t0, 4);
	ck_assert_int_eq(d->nt, 5);
	ck_assert_int_eq(d->t[3].para, 1);
}
END_TEST

START_TEST(test_tokens_and_classes)
{
	char buf[64];
	struct st_doc *d = run("Deputy Minister Ara Sahakyan’s aide SAID: "
	                       "“We stay,” according to him.");
	int i;

	ck_assert_int_eq(d->nt, 16);
	ck_assert_str_eq(test_tok_text(d, 3, buf, sizeof buf), "Sahakyan’s");
	ck_assert_int_eq(d->t[0].type, ST_T_WORD);
	ck_assert_int_eq(d->t[0].cap, 1);
	ck_assert_int_eq(d->t[4].cap, 0);
	ck_assert_str_eq(st_low(d, 5), "said");
	ck_assert_int_eq(d->t[5].cue, 1);
	ck_assert_int_eq(d->t[6].type, ST_T_PUNCT);
	ck_assert_str_eq(st_low(d, 6), "");
	ck_assert_int_eq(d->t[7].type, ST_T_MARK);
	ck_assert_int_eq(d->t[7].fam, ST_F_CURLY);
	ck_assert_int_eq(d->t[7].dir, ST_M_OPEN);
	ck_assert_int_eq(d->t[11].fam, ST_F_CURLY);
	ck_assert_int_eq(d->t[11].dir, ST_M_CLOSE);
	i = test_tok(d, "according", 0);
	ck_assert_int_eq(i, 12);
	ck_assert_int_eq(d->t[i].cue, 2);
	ck_assert_int_eq(d->t[i + 1].cue, 0);
	ck_assert_int_eq(d->t[1].cls & ST_W_ROLE, ST_W_ROLE);
}
END_TEST

START_TEST(test_entities_and_straight_marks)
{
	struct st_doc *d = run("&ldquo;A&rdquo; &laquo;B&raquo; \"C\" ''D'' "
	                       "&#x201E;E&#x201c; &#xAB;F&#xbb; &#x201c;G&#x201D;");

	ck_assert_int_eq(d->nt, 21);
	ck_assert_int_eq(d->t[0].fam, ST_F_CURLY);
	ck_assert_int_eq(d->t[2].dir, ST_M_CLOSE);
	ck_assert_int_eq(d->t[3].fam, ST_F_GUIL);
	ck_assert_int_eq(d->t[5].dir, ST_M_CLOSE);
	ck_assert_int_eq(d->t[6].fam, ST_F_STRAIGHT);
	ck_assert_int_eq(d->t[6].dir, ST_M_AMBIG);
	ck_assert_int_eq(d->t[9].fam, ST_F_TWO);
	ck_assert_int_eq(d->t[12].fam, ST_F_LOW);
	ck_assert_int_eq(d->t[14].fam, ST_F_CURLY);
	ck_assert_int_eq(d->t[14].dir, ST_M_OPEN);
	ck_assert_int_eq(d->t[15].fam, ST_F_GUIL);
	ck_assert_int_eq(d->t[15].dir, ST_M_OPEN);
	ck_assert_int_eq(d->t[17].fam, ST_F_GUIL);
	ck_assert_int_eq(d->t[17].dir, ST_M_CLOSE);
	ck_assert_int_eq(d->t[18].dir, ST_M_OPEN);
	ck_assert_int_eq(d->t[20].fam, ST_F_CURLY);
	ck_assert_int_eq(d->t[20].dir, ST_M_CLOSE);
}
END_TEST

START_TEST(test_invisible_characters_inside_words)
{
	char buf[64];
	/* a soft hyphen, a zero-width space and a zero-width joiner */
	struct st_doc *d = run("Ar\xc2\xadsen Mel\xe2\x80\x8bkon\xe2\x80\x8dyan "
	                       "sa\xc2\xadid");

	ck_assert_int_eq(d->nt, 3);
	ck_assert_str_eq(test_tok_text(d, 0, buf, sizeof buf), "Ar\xc2\xadsen");
	ck_assert_str_eq(st_low(d, 0), "arsen");
	ck_assert_str_eq(st_low(d, 1), "melkonyan");
	ck_assert_int_eq(d->t[1].cap, 1);
	ck_assert_int_eq(d->t[2].cue, 1);
}
END_TEST

START_TEST(test_punctuation_runs_are_one_token)
{
	char buf[64];
	struct st_doc *d = run("Wait... no -- now!!! \"\"");

	ck_assert_int_eq(d->nt, 8);
	ck_assert_str_eq(test_tok_text(d, 1, buf, sizeof buf), "...");
	ck_assert_str_eq(test_tok_text(d, 3, buf, sizeof buf), "--");
	ck_assert_int_eq(st_is_dash(d, 3), 1);
	ck_assert_str_eq(test_tok_text(d, 5, buf, sizeof buf), "!!!");
	ck_assert_int_eq(st_is_punct(d, 5, ".?!"), 1);
	/* two marks stay two marks */
	ck_assert_int_eq(d->t[6].type, ST_T_MARK);
	ck_assert_int_eq(d->t[7].type, ST_T_MARK);
}
END_TEST

/* issue 13: 60 MiB of full stops needed 3.1 GB as 63 million tokens */
START_TEST(test_full_stops_are_one_token)
{
	size_t n = (size_t)60 << 20;
	char *text = malloc(n);
	struct st_doc *d;

	ck_assert_ptr_nonnull(text);
	memset(text, '.', n);
	d = test_doc_run(text, n);
	ck_assert_int_eq(d->np, 1);
	ck_assert_int_eq(d->nt, 1);
	ck_assert_uint_eq(d->t[0].e, n);
	ck_assert_int_eq(d->nsp, 0);
	ck_assert_int_le(d->capt, 256);
	free(text);
}
END_TEST

/* issue 13: 'said ' * 80000 took 12 s */
START_TEST(test_many_cues)
{
	size_t n = 80000, i;
	char *text = malloc(5 * n);
	struct st_doc *d;
	struct st_quotes qs;

	ck_assert_ptr_nonnull(text);
	for (i = 0; i < n; i++)
		memcpy(text + 5 * i, "said ", 5);
	d = test_doc_run(text, 5 * n);
	ck_assert_int_eq(d->nt, 80000);
	ck_assert_int_eq(d->t[0].cue, 1);
	ck_assert_int_eq(d->t[79999].cue, 1);
	ck_assert_int_eq(d->nsp, 0);
	ck_assert_int_eq(d->nm, 0);
	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(text, 5 * n, &qs), 0);
	st_quotes_finish(&qs);
	free(text);
}
END_TEST

Suite *scan_suite(void)
{
	Suite *s = suite_create("scan");
	TCase *tc = tcase_create("core");
	TCase *big = tcase_create("linear");

	tcase_add_checked_fixture(tc, test_doc_setup, test_doc_teardown);
	tcase_add_test(tc, test_paragraphs);
	tcase_add_test(tc, test_tokens_and_classes);
	tcase_add_test(tc, test_entities_and_straight_marks);
	tcase_add_test(tc, test_invisible_characters_inside_words);
	tcase_add_test(tc, test_punctuation_runs_are_one_token);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(big, test_doc_setup, test_doc_teardown);
	tcase_set_timeout(big, 120);
	tcase_add_test(big, test_full_stops_are_one_token);
	tcase_add_test(big, test_many_cues);
	suite_add_tcase(s, big);
	return s;
}
