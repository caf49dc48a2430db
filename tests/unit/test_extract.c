/* test_extract.c - quotes, speakers and roles from small invented
 * articles (extract.h).  The people are made up; the subject is Armenia
 * and the CSTO, as in the corpus. */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "extract/extract.h"
#include "suites.h"

static struct st_extractor *ex;
static struct st_tokenizer *tk;
static struct st_quotes qs;
static const char *article;

static void setup(void)
{
	struct st_error err;

	ex = st_extractor_new(&err);
	ck_assert_msg(ex != NULL, "st_extractor_new: %s", err.msg);
	tk = st_tokenizer_new(&err);
	ck_assert_msg(tk != NULL, "st_tokenizer_new: %s", err.msg);
	st_quotes_init(&qs);
}

static void teardown(void)
{
	st_quotes_finish(&qs);
	st_extractor_free(ex);
	st_tokenizer_free(tk);
}

/* Extract the quotes of text into qs; returns how many. */
static size_t run(const char *text)
{
	article = text;
	st_quotes_finish(&qs);
	st_extract(ex, tk, "art", text, strlen(text), &qs);
	return qs.n;
}

/* Check quote i (0-based) all over, including that the offsets point at
 * its text in the article. */
static void check_quote(size_t i, long para, size_t start, size_t end,
                        enum st_kind kind, const char *speaker,
                        const char *role, const char *text)
{
	const struct st_quote *q;

	ck_assert_uint_lt(i, qs.n);
	q = &qs.q[i];
	ck_assert_int_eq(q->id, (int)i + 1);
	ck_assert_str_eq(q->article, "art");
	ck_assert_int_eq(q->paragraph, para);
	ck_assert_uint_eq(q->start, start);
	ck_assert_uint_eq(q->end, end);
	ck_assert_int_eq(q->kind, kind);
	ck_assert_str_eq(q->speaker, speaker);
	ck_assert_str_eq(q->role, role);
	ck_assert_str_eq(q->text, text);
	ck_assert_uint_eq(strlen(q->text), end - start);
	ck_assert_int_eq(memcmp(article + start, q->text, end - start), 0);
}

START_TEST(test_quote_comma_name_role_said)
{
	ck_assert_uint_eq(run("\"We will not return to the CSTO,\" Hovik "
	                      "Zakaryan, an opposition MP, said.\n"), 1);
	check_quote(0, 1, 1, 32, ST_FULL, "Hovik Zakaryan", "opposition MP",
	            "We will not return to the CSTO,");
	ck_assert_str_eq(qs.q[0].context, "an opposition MP said");
	ck_assert_str_eq(qs.q[0].tokens, "we will not return to the csto");
}
END_TEST

START_TEST(test_title_name_said_colon)
{
	ck_assert_uint_eq(run("Deputy Foreign Minister Narek Simonyan said: "
	                      "\"Armenia has frozen its participation.\"\n"), 1);
	check_quote(0, 1, 46, 83, ST_FULL, "Narek Simonyan",
	            "Deputy Foreign Minister",
	            "Armenia has frozen its participation.");
	ck_assert_str_eq(qs.q[0].context, "Deputy Foreign Minister said");
	ck_assert_str_eq(qs.q[0].tokens, "armenia has frozen it particip");
}
END_TEST

START_TEST(test_pronouns_resolve_by_gender)
{
	static const char text[] =
		"Levon Ghukasyan, a political analyst, said the alliance had "
		"failed.\n"
		"Anahit Sargsyan, a deputy minister, said the talks would go on.\n"
		"\"The bloc has never defended Armenia,\" he said.\n"
		"\"Talks with the CSTO will continue,\" she added.\n";

	ck_assert_uint_eq(run(text), 2);
	/* "he": the last man named, past the woman named after him */
	check_quote(0, 3, 133, 169, ST_FULL, "Levon Ghukasyan",
	            "political analyst", "The bloc has never defended Armenia,");
	ck_assert_str_eq(qs.q[0].context, "he said");
	/* "she": the woman */
	check_quote(1, 4, 181, 215, ST_FULL, "Anahit Sargsyan",
	            "deputy minister", "Talks with the CSTO will continue,");
	ck_assert_str_eq(qs.q[1].context, "she added");
}
END_TEST

START_TEST(test_surname_only_mention)
{
	static const char text[] =
		"Tigran Avagyan, an opposition MP, said on Monday that Yerevan "
		"should leave.\n"
		"\"The alliance is dead,\" Avagyan said.\n";

	ck_assert_uint_eq(run(text), 1);
	check_quote(0, 2, 77, 98, ST_FULL, "Tigran Avagyan", "opposition MP",
	            "The alliance is dead,");
	/* the name is left out of the context */
	ck_assert_str_eq(qs.q[0].context, "said");
}
END_TEST

START_TEST(test_partial_quote)
{
	ck_assert_uint_eq(run("Opposition MP Gor Melikyan called it a "
	                      "\"reckless\" step.\n"), 1);
	check_quote(0, 1, 40, 48, ST_PARTIAL, "Gor Melikyan", "Opposition MP",
	            "reckless");
	ck_assert_str_eq(qs.q[0].context, "Opposition MP called it a step");
	ck_assert_str_eq(qs.q[0].tokens, "reckless");
}
END_TEST

START_TEST(test_so_called_is_not_a_quote)
{
	static const char text[] =
		"Villagers in Tavush say the so-called \"peacekeepers\" of the "
		"CSTO never came.\n"
		"\"We waited all winter,\" said Ruben Hakobyan, a farmer.\n";

	ck_assert_uint_eq(run("Villagers say the so-called \"peacekeepers\" "
	                      "never came.\n"), 0);
	ck_assert_uint_eq(run(text), 1);
	check_quote(0, 2, 78, 99, ST_FULL, "Ruben Hakobyan", "",
	            "We waited all winter,");
}
END_TEST

START_TEST(test_guillemets)
{
	static const char text[] =
		"\xc2\xab" "We do not need the CSTO," "\xc2\xbb"
		" Arsen Poghosyan, a political analyst, said.\n"
		"Poghosyan said Yerevan wanted "
		"\xc2\xab" "real guarantees" "\xc2\xbb" ".\n";

	ck_assert_uint_eq(run(text), 2);
	/* « is two bytes: the quote starts at byte 2 */
	check_quote(0, 1, 2, 26, ST_FULL, "Arsen Poghosyan",
	            "political analyst", "We do not need the CSTO,");
	check_quote(1, 2, 105, 120, ST_PARTIAL, "Arsen Poghosyan",
	            "political analyst", "real guarantees");
}
END_TEST

START_TEST(test_continued_paragraph)
{
	static const char text[] =
		"Opposition leader Vahe Harutyunyan said: \"The alliance has "
		"left us alone.\n"
		"\"We must look elsewhere for security.\"\n"
		"The ruling party did not comment.\n";

	ck_assert_uint_eq(run(text), 2);
	/* the first quotation runs to the end of its paragraph */
	check_quote(0, 1, 42, 73, ST_FULL, "Vahe Harutyunyan",
	            "Opposition leader", "The alliance has left us alone.");
	/* and goes on in the next, with the same speaker */
	check_quote(1, 2, 75, 111, ST_FULL, "Vahe Harutyunyan",
	            "Opposition leader", "We must look elsewhere for security.");
	ck_assert_str_eq(qs.q[1].context, qs.q[0].context);
}
END_TEST

START_TEST(test_crlf_line_ends)
{
	static const char text[] =
		"Deputy Minister Samvel Manukyan said: \"We are still "
		"members.\"\r\n"
		"\"Nothing has changed,\" he added.\r\n";

	ck_assert_uint_eq(run(text), 2);
	check_quote(0, 1, 39, 60, ST_FULL, "Samvel Manukyan", "Deputy Minister",
	            "We are still members.");
	/* the second line starts after \r\n at byte 63 */
	check_quote(1, 2, 64, 84, ST_FULL, "Samvel Manukyan", "Deputy Minister",
	            "Nothing has changed,");
	ck_assert_ptr_null(strchr(qs.q[0].text, '\r'));
	ck_assert_str_eq(qs.q[1].context, "he added");
}
END_TEST

START_TEST(test_crlf_same_as_lf)
{
	static const char lf[] =
		"\"The CSTO failed us,\" Mariam Khachatryan, an opposition "
		"lawmaker, said.\n"
		"Khachatryan called the freeze \"overdue\".\n";
	static const char crlf[] =
		"\"The CSTO failed us,\" Mariam Khachatryan, an opposition "
		"lawmaker, said.\r\n"
		"Khachatryan called the freeze \"overdue\".\r\n";

	ck_assert_uint_eq(run(lf), 2);
	check_quote(0, 1, 1, 20, ST_FULL, "Mariam Khachatryan",
	            "opposition lawmaker", "The CSTO failed us,");
	check_quote(1, 2, 103, 110, ST_PARTIAL, "Mariam Khachatryan",
	            "opposition lawmaker", "overdue");
	ck_assert_uint_eq(run(crlf), 2);
	check_quote(0, 1, 1, 20, ST_FULL, "Mariam Khachatryan",
	            "opposition lawmaker", "The CSTO failed us,");
	/* one byte later: the \r of the first line */
	check_quote(1, 2, 104, 111, ST_PARTIAL, "Mariam Khachatryan",
	            "opposition lawmaker", "overdue");
}
END_TEST

START_TEST(test_curly_quotes_and_ids)
{
	static const char text[] =
		"\xe2\x80\x9cThe CSTO is a partner,\xe2\x80\x9d said Armen Tonoyan, "
		"a government spokesman.\n"
		"\xe2\x80\x9cWe have not left it,\xe2\x80\x9d Tonoyan added.\n";

	ck_assert_uint_eq(run(text), 2);
	check_quote(0, 1, 3, 25, ST_FULL, "Armen Tonoyan",
	            "government spokesman", "The CSTO is a partner,");
	check_quote(1, 2, 76, 96, ST_FULL, "Armen Tonoyan",
	            "government spokesman", "We have not left it,");
}
END_TEST

START_TEST(test_no_tokenizer_and_no_quotes)
{
	static const char text[] = "\"Yerevan will decide,\" Hrant Vardanyan, "
		"an opposition MP, said.\n";

	st_quotes_finish(&qs);
	st_extract(ex, NULL, "a-7", text, strlen(text), &qs);
	ck_assert_uint_eq(qs.n, 1);
	ck_assert_str_eq(qs.q[0].article, "a-7");
	ck_assert_str_eq(qs.q[0].tokens, "");
	ck_assert_str_eq(qs.q[0].text, "Yerevan will decide,");
	ck_assert_str_eq(qs.q[0].speaker, "Hrant Vardanyan");
	/* quotes are appended */
	st_extract(ex, NULL, "a-8", text, strlen(text), &qs);
	ck_assert_uint_eq(qs.n, 2);
	ck_assert_int_eq(qs.q[1].id, 1);
	ck_assert_str_eq(qs.q[1].article, "a-8");
	ck_assert_uint_eq(run("The parliament met on Tuesday.\n"
	                      "Nobody said anything about the CSTO.\n"), 0);
	ck_assert_uint_eq(run(""), 0);
	/* empty articles in a row (no token to hand on, a folded buffer
	 * all the same: a leak under check-asan if one is lost), then
	 * one with a quote again */
	ck_assert_uint_eq(run(""), 0);
	ck_assert_uint_eq(run(text), 1);
	ck_assert_str_eq(qs.q[0].speaker, "Hrant Vardanyan");
	ck_assert_str_eq(qs.q[0].tokens, "yerevan will decid");
}
END_TEST

Suite *extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_quote_comma_name_role_said);
	tcase_add_test(tc, test_title_name_said_colon);
	tcase_add_test(tc, test_pronouns_resolve_by_gender);
	tcase_add_test(tc, test_surname_only_mention);
	tcase_add_test(tc, test_partial_quote);
	tcase_add_test(tc, test_so_called_is_not_a_quote);
	tcase_add_test(tc, test_guillemets);
	tcase_add_test(tc, test_continued_paragraph);
	tcase_add_test(tc, test_crlf_line_ends);
	tcase_add_test(tc, test_crlf_same_as_lf);
	tcase_add_test(tc, test_curly_quotes_and_ids);
	tcase_add_test(tc, test_no_tokenizer_and_no_quotes);
	suite_add_tcase(s, tc);
	return s;
}
