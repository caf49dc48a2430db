/* test_spans.c - marks paired into spans, sentences, and which spans are
 * statements (extract/spans.c). */
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

START_TEST(test_pairs_and_ranges)
{
	struct st_doc *d = run("He called it “hollow” and “late”, and "
	                       "said: \"We wait.\"");

	ck_assert_int_eq(d->nsp, 3);
	ck_assert_uint_eq(d->sp[0].start, 16);
	ck_assert_uint_eq(d->sp[0].end, 22);
	ck_assert_int_eq(d->sp[0].open, 3);
	ck_assert_int_eq(d->sp[0].close, 5);
	ck_assert_int_eq(d->t[4].q, 0);
	ck_assert_int_eq(d->t[6].q, -1);
	ck_assert_uint_eq(d->sp[1].start, 33);
	ck_assert_uint_eq(d->sp[1].end, 37);
	ck_assert_uint_eq(d->sp[2].start, 53);
	ck_assert_uint_eq(d->sp[2].end, 61);
	ck_assert_int_eq(d->sp[2].open_end, 0);
}
END_TEST

START_TEST(test_closing_mark_without_opening)
{
	struct st_doc *d = run("The risk is fatigue. Nobody will fund the road "
	                       "twice,” said the analyst.\nA line that is\n"
	                       "wrapped,” said he.");

	ck_assert_int_eq(d->nsp, 1);
	ck_assert_int_eq(d->sp[0].bare, 1);
	ck_assert_int_eq(d->sp[0].open, test_tok(d, "Nobody", 0));
	ck_assert_uint_eq(d->sp[0].start, 21);
	/* a closing mark that ends the text (found by fuzzing) */
	d = run("We stay”");
	ck_assert_int_eq(d->nsp, 0);
	/* one that opens it, before a cue verb: nothing before it to quote
	 * (found by fuzzing: it read before the first token) */
	d = run("\xe2\x80\xbaquips Khirikh, who spoke.");
	ck_assert_int_eq(d->nsp, 0);
	d = run("First paragraph.\n”said Khirikh.");
	ck_assert_int_eq(d->nsp, 0);
}
END_TEST

START_TEST(test_nested_curly_marks)
{
	struct st_doc *d = run("“The so-called “freeze” is an exit,” she said. "
	                       "“We stay, “he said, and “then we go”.");

	ck_assert_int_eq(d->nsp, 3);
	ck_assert_uint_eq(d->sp[0].start, 3);
	ck_assert_uint_eq(d->sp[0].end, 41);
	/* a “ typed for ” is no inner quotation */
	ck_assert_int_eq(d->sp[1].close, test_tok(d, "he", 0) - 1);
	ck_assert_int_eq(d->sp[2].open, test_tok(d, "then", 0) - 1);
}
END_TEST

START_TEST(test_stray_and_open_marks)
{
	struct st_doc *d;

	/* a mark inside the paragraph that nothing closes is stray */
	d = run("The 5\" gun and \"We stay,\" he said.");
	ck_assert_int_eq(d->nsp, 1);
	ck_assert_uint_eq(d->sp[0].start, 16);
	ck_assert_uint_eq(d->sp[0].end, 24);
	/* one at the paragraph start runs to its end, and goes on in the
	 * next paragraph when that opens with a mark */
	d = run("\"We stay in the bloc.\n\"And we will not leave it,\" "
	        "he said.");
	ck_assert_int_eq(d->nsp, 2);
	ck_assert_int_eq(d->sp[0].open_end, 1);
	ck_assert_int_eq(d->sp[0].close, -1);
	ck_assert_uint_eq(d->sp[0].end, 21);
	ck_assert_int_eq(d->sp[1].cont, 1);
	ck_assert_int_eq(d->sp[1].para, 1);
	/* a span without a word is dropped */
	d = run("He said \"...\" and left.");
	ck_assert_int_eq(d->nsp, 1);
	ck_assert_int_eq(d->sp[0].drop, 1);
}
END_TEST

START_TEST(test_continuation_without_opening_marks)
{
	struct st_doc *d = run("She said: \"We stay.\nWe wait.\nWe go.\" The "
	                       "end.\n\"A line that is\nwrapped,\" he said.");

	ck_assert_int_eq(d->nsp, 4);
	ck_assert_int_eq(d->sp[0].open_end, 1);
	ck_assert_int_eq(d->sp[1].bare, 1);
	ck_assert_int_eq(d->sp[1].cont, 1);
	ck_assert_int_eq(d->sp[1].open_end, 1);
	ck_assert_uint_eq(d->sp[1].start, 20);
	ck_assert_uint_eq(d->sp[1].end, 28);
	ck_assert_int_eq(d->sp[2].bare, 1);
	ck_assert_uint_eq(d->sp[2].end, 35);
	ck_assert_int_eq(d->sp[2].close, test_tok(d, "go", 0) + 2);
	/* a hard-wrapped line ends no sentence: no continuation */
	ck_assert_int_eq(d->sp[3].bare, 0);
	ck_assert_int_eq(d->sp[3].para, 3);
	ck_assert_int_eq(d->sp[3].open_end, 1);
}
END_TEST

START_TEST(test_sentences)
{
	struct st_doc *d = run("Mr. Ara Petrosyan spoke. \"Why now?\" "
	                       "Petrosyan said. Then he left.\nNew one.");

	ck_assert_int_eq(d->nsent, 4);
	ck_assert_int_eq(d->t[test_tok(d, "Mr", 0)].sent, 1);
	ck_assert_int_eq(d->t[test_tok(d, "spoke", 0)].sent, 1);
	/* "Q?" X said goes on after the question mark */
	ck_assert_int_eq(d->t[test_tok(d, "Why", 0)].sent, 2);
	ck_assert_int_eq(d->t[test_tok(d, "said", 0)].sent, 2);
	ck_assert_int_eq(d->t[test_tok(d, "Then", 0)].sent, 3);
	ck_assert_int_eq(d->t[test_tok(d, "New", 0)].sent, 4);
	ck_assert_int_eq(st_sent_start(d, test_tok(d, "left", 0)),
	                 test_tok(d, "Then", 0));
	ck_assert_int_eq(st_sent_end(d, test_tok(d, "Then", 0)),
	                 test_tok(d, "New", 0));
	ck_assert_int_eq(st_sent_end(d, test_tok(d, "New", 0)), d->nt);
}
END_TEST

START_TEST(test_full_or_partial)
{
	struct st_doc *d = run("\"We stay,\" he said. She said: \"We go.\" "
	                       "He said that \"it was over\" then. They "
	                       "told him \"This is the end of it.\"");

	ck_assert_int_eq(d->nsp, 4);
	ck_assert_int_eq(d->sp[0].full, 1);
	ck_assert_int_eq(d->sp[1].full, 1);
	ck_assert_int_eq(d->sp[2].full, 0);
	/* a sentence of its own after a cue: X told Y "Q." */
	ck_assert_int_eq(d->sp[3].full, 1);
}
END_TEST

START_TEST(test_names_and_titles_are_not_statements)
{
	struct st_doc *d = run("The so-called \"peacekeepers\" came. The "
	                       "newspaper \"Golos\" wrote, and the \"Sunrise\" "
	                       "party met. Ara \"The Hawk\" Petrosyan came, "
	                       "known as \"the fixer\". Aram Kelikyan called it \"A Very "
	                       "Big Step\" and described it as \"Big Step\".");

	ck_assert_int_eq(d->nsp, 7);
	ck_assert_int_eq(d->sp[0].drop, 1);
	ck_assert_int_eq(d->sp[1].drop, 1);
	ck_assert_int_eq(d->sp[2].drop, 1);
	ck_assert_int_eq(d->sp[3].drop, 1);
	ck_assert_int_eq(d->sp[4].drop, 1);
	/* a title in capitals; after "as" words someone said, whatever they
	 * look like */
	ck_assert_int_eq(d->sp[5].drop, 1);
	ck_assert_int_eq(d->sp[6].drop, 0);
}
END_TEST

START_TEST(test_papers_are_not_statements)
{
	struct st_doc *d = run("Aram Kelikyan told \"168 Hours\" so. \"Lusaber\" "
	                       "says the talks failed. \"The talks have "
	                       "failed,\" writes \"Arpi.\" He said \"No.\"");

	ck_assert_int_eq(d->nsp, 5);
	ck_assert_int_eq(d->sp[0].drop, 1);
	ck_assert_int_eq(d->sp[1].drop, 1);
	ck_assert_int_eq(d->sp[2].drop, 0);
	ck_assert_int_eq(d->sp[3].drop, 1);
	/* one word after a cue verb, but no quote before it: words */
	ck_assert_int_eq(d->sp[4].drop, 0);
}
END_TEST

START_TEST(test_terms_headings_and_charges)
{
	struct st_doc *d = run("Kelikyan: “strategic patience” is over\n"
	                       "“Old friends”\n"
	                       "He was charged with “abuse of office in "
	                       "wartime”, and Lusine Tashchyan told the weekly "
	                       "\"7 Days\" that \"nothing will change.\"");

	ck_assert_int_eq(d->nsp, 5);
	ck_assert_int_eq(d->sp[0].drop, 1);
	ck_assert_int_eq(d->sp[1].drop, 1);
	ck_assert_int_eq(d->sp[2].drop, 1);
	ck_assert_int_eq(d->sp[3].drop, 1);
	ck_assert_int_eq(d->sp[4].drop, 0);
}
END_TEST

START_TEST(test_single_marks_in_the_british_style)
{
	struct st_doc *d = run("‘We will not return to the bloc,’ the minister "
	                       "said of Armenia’s members’ votes. He called "
	                       "the talks ‘stalled’ and the ‘80s over.");

	ck_assert_int_eq(d->nsp, 2);
	ck_assert_uint_eq(d->sp[0].start, 3);
	ck_assert_uint_eq(d->sp[0].end, 34);
	ck_assert_int_eq(d->sp[0].drop, 0);
	ck_assert_int_eq(d->t[d->sp[1].open + 1].type, ST_T_WORD);
	ck_assert_str_eq(st_low(d, d->sp[1].open + 1), "stalled");
	/* in an article that quotes with double marks, single ones are
	 * scare quotes */
	d = run("\"We stay,\" he said of the ‘freeze’ and ‘our partners’.");
	ck_assert_int_eq(d->nsp, 3);
	ck_assert_int_eq(d->sp[0].drop, 0);
	ck_assert_int_eq(d->sp[1].drop, 1);
	ck_assert_int_eq(d->sp[2].drop, 1);
}
END_TEST

START_TEST(test_mistyped_closing_marks)
{
	/* “ typed for ”, and " closed by ” */
	struct st_doc *d = run("“We stay in the region, “he said. \"We go,” "
	                       "she said. “We wait, “ he added.");

	ck_assert_int_eq(d->nsp, 3);
	ck_assert_uint_eq(d->sp[2].end - d->sp[2].start, 8);
	ck_assert_uint_eq(d->sp[0].start, 3);
	ck_assert_uint_eq(d->sp[0].end, 25);
	ck_assert_uint_eq(d->sp[1].start, 39);
	ck_assert_uint_eq(d->sp[1].end, 45);
}
END_TEST

START_TEST(test_cut_off_at_the_end_of_the_text)
{
	static const char text[] = "\"We stay,\" Aram Kelikyan said.\n"
		"\"We will never leave the bloc, and\n"
		"\"and we will not be told,\" he said, \"what the";
	struct st_quotes qs;
	const size_t *at;

	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(text, strlen(text), &qs), 3);
	ck_assert_str_eq(qs.q[1].text, "We will never leave the bloc, and");
	ck_assert_str_eq(qs.q[2].text, "and we will not be told,");
	ck_assert_str_eq(qs.q[2].speaker, "Aram Kelikyan");
	ck_assert_uint_eq(test_doc_cutoffs(&at), 1);
	ck_assert_uint_eq(at[0], strlen(text) - 9);
	/* open at the end of a paragraph that is not the last: kept */
	ck_assert_uint_eq(test_doc_quotes("\"We stay here\nThey left.", 24,
	                                  &qs), 1);
	ck_assert_uint_eq(test_doc_cutoffs(&at), 0);
	st_quotes_finish(&qs);
}
END_TEST

/* issue 13: 'He said ' + '“a ' * 80000 + '“' took 16.7 s in pairing */
START_TEST(test_many_unclosed_curly_marks)
{
	size_t n = 80000, i, len;
	char *text = malloc(8 + 5 * n + 4);
	struct st_doc *d;
	struct st_quotes qs;

	memcpy(text, "He said ", 8);
	for (i = 0; i < n; i++)
		memcpy(text + 8 + 5 * i, "\xe2\x80\x9c" "a ", 5);
	memcpy(text + 8 + 5 * n, "\xe2\x80\x9c", 3);
	len = 8 + 5 * n + 3;
	d = test_doc_run(text, len);
	ck_assert_int_eq(d->nt, 2 + 2 * 80000 + 1);
	/* every one is stray: the paragraph ends in a mark */
	ck_assert_int_eq(d->nsp, 0);
	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(text, len, &qs), 0);
	st_quotes_finish(&qs);
	free(text);
}
END_TEST

/* issue 13: '«a ' * 40000 + '«' */
START_TEST(test_many_unclosed_guillemets)
{
	size_t n = 40000, i, len = 4 * n + 2;
	const size_t *at;
	char *text = malloc(len + 1);
	struct st_doc *d;
	struct st_quotes qs;

	for (i = 0; i < n; i++)
		memcpy(text + 4 * i, "\xc2\xab" "a ", 4);
	memcpy(text + 4 * n, "\xc2\xab", 2);
	d = test_doc_run(text, len);
	/* the first opens the paragraph and runs to its end */
	ck_assert_int_eq(d->nsp, 1);
	ck_assert_int_eq(d->sp[0].open_end, 1);
	ck_assert_uint_eq(d->sp[0].start, 2);
	ck_assert_uint_eq(d->sp[0].end, len);
	/* still open where the text ends: cut off, left out */
	st_quotes_init(&qs);
	ck_assert_uint_eq(test_doc_quotes(text, len, &qs), 0);
	ck_assert_uint_eq(test_doc_cutoffs(&at), 1);
	ck_assert_uint_eq(at[0], 0);
	st_quotes_finish(&qs);
	free(text);
}
END_TEST

Suite *spans_suite(void)
{
	Suite *s = suite_create("spans");
	TCase *tc = tcase_create("core");
	TCase *big = tcase_create("linear");

	tcase_add_checked_fixture(tc, test_doc_setup, test_doc_teardown);
	tcase_add_test(tc, test_pairs_and_ranges);
	tcase_add_test(tc, test_stray_and_open_marks);
	tcase_add_test(tc, test_nested_curly_marks);
	tcase_add_test(tc, test_closing_mark_without_opening);
	tcase_add_test(tc, test_sentences);
	tcase_add_test(tc, test_continuation_without_opening_marks);
	tcase_add_test(tc, test_full_or_partial);
	tcase_add_test(tc, test_names_and_titles_are_not_statements);
	tcase_add_test(tc, test_cut_off_at_the_end_of_the_text);
	tcase_add_test(tc, test_single_marks_in_the_british_style);
	tcase_add_test(tc, test_papers_are_not_statements);
	tcase_add_test(tc, test_terms_headings_and_charges);
	tcase_add_test(tc, test_mistyped_closing_marks);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(big, test_doc_setup, test_doc_teardown);
	tcase_set_timeout(big, 120);
	tcase_add_test(big, test_many_unclosed_curly_marks);
	tcase_add_test(big, test_many_unclosed_guillemets);
	suite_add_tcase(s, big);
	return s;
}
