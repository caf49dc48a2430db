/* test_dateline.c - an article's date and source (dateline.h). */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "extract/extract.h"
#include "io/io.h"
#include "suites.h"

/* "DATE|SOURCE" of the article id with text. */
static const char *dated(const char *id, const char *text)
{
	static char buf[128];
	char date[11], source[64];

	st_article_date(id, text, strlen(text), date, source, sizeof source);
	snprintf(buf, sizeof buf, "%s|%s", date, source);
	return buf;
}

START_TEST(test_datelines)
{
	/* the year from the file name, else from the opening paragraphs */
	ck_assert_str_eq(dated("2023-05-20-gas", "YEREVAN, May 22 /ARKA/. The "
	                       "government said\n"), "2023-05-22|ARKA");
	ck_assert_str_eq(dated("gas", "Gas prices\nYEREVAN, May 22 /ARKA/. "
	                       "Gazprom Armenia said in 2023 that\n"),
	                 "2023-05-22|ARKA");
	ck_assert_str_eq(dated("gas", "YEREVAN, May 22 /ARKA/. The price\n"),
	                 "|ARKA");
	ck_assert_str_eq(dated("x", "MOSCOW, June 12, 2024 (Reuters) - Russia "
	                       "said\n"), "2024-06-12|Reuters");
	ck_assert_str_eq(dated("x", "YEREVAN, JUNE 12, 2024, ARMENPRESS. Prime "
	                       "Minister\n"), "2024-06-12|Armenpress");
	ck_assert_str_eq(dated("x", "MOSCOW, Nov. 23, 2022 /TASS/. The CSTO\n"),
	                 "2022-11-23|TASS");
	ck_assert_str_eq(dated("x", "WASHINGTON, 3 March 2025 (AP) — The\n"),
	                 "2025-03-03|AP");
	ck_assert_str_eq(dated("x", "YEREVAN (RFE/RL) — Armenia said\n"),
	                 "|RFE/RL");
	/* a date the story mentions is not the article's */
	ck_assert_str_eq(dated("x", "Deputies spent the spring arguing over "
	                       "the budget, and on March 10, 2023 the finance "
	                       "committee sent its report back to the ministry, "
	                       "which had long been expected.\n"), "|");
	ck_assert_str_eq(dated("2026-01-09-freeze", "On May 22, 2024 the "
	                       "parliament voted for a long time on a motion that "
	                       "the opposition had brought, and the vote failed "
	                       "by a wide margin.\n"), "2026-01-09|");
}
END_TEST

START_TEST(test_date_lines)
{
	ck_assert_str_eq(dated("x", "Armenia skips drills\n22.05.2023\nText\n"),
	                 "2023-05-22|");
	ck_assert_str_eq(dated("x", "Published: 22.05.2023 14:05\nText\n"),
	                 "2023-05-22|");
	ck_assert_str_eq(dated("x", "Headline\nBy Anna Smith, June 12, 2024\n"
	                       "Body\n"), "2024-06-12|");
	ck_assert_str_eq(dated("x", "Headline\nWednesday, 12 June 2024\nBody\n"),
	                 "2024-06-12|");
	ck_assert_str_eq(dated("x", "\xef\xbb\xbf" "2024-06-12\r\nBody\r\n"),
	                 "2024-06-12|");
	ck_assert_str_eq(dated("x", "Sept 1st, 2024\n"), "2024-09-01|");
	/* not real days */
	ck_assert_str_eq(dated("x", "31.02.2023\n"), "|");
	ck_assert_str_eq(dated("x", "June 31, 2024\n"), "|");
	ck_assert_str_eq(dated("x", "Headline\nText without a date.\n"), "|");
	/* only the first paragraphs are read */
	ck_assert_str_eq(dated("x", "a\nb\nc\nd\ne\nJune 12, 2024\n"), "|");
}
END_TEST

START_TEST(test_file_names)
{
	ck_assert_str_eq(dated("2026-01-09-parliament-rejects-bid", "Text.\n"),
	                 "2026-01-09|");
	ck_assert_str_eq(dated("2026-01-09", "Text.\n"), "2026-01-09|");
	ck_assert_str_eq(dated("2026-13-09-x", "Text.\n"), "|");
	ck_assert_str_eq(dated("2026-01-091", "Text.\n"), "|");
	ck_assert_str_eq(dated("note", "Text.\n"), "|");
	ck_assert_int_eq(st_valid_date("2024-02-29"), 1);
	ck_assert_int_eq(st_valid_date("2100-02-29"), 0);
	ck_assert_int_eq(st_valid_date("2024-2-29"), 0);
}
END_TEST

START_TEST(test_set_date)
{
	struct st_quotes qs;

	st_quotes_init(&qs);
	st_quotes_add(&qs);
	st_quotes_add(&qs);
	st_quotes_set_date(&qs, 1, "2024-06-12", "TASS");
	ck_assert_str_eq(qs.q[0].date, "");
	ck_assert_str_eq(qs.q[1].date, "2024-06-12");
	ck_assert_str_eq(qs.q[1].source, "TASS");
	st_quotes_finish(&qs);
}
END_TEST

Suite *dateline_suite(void)
{
	Suite *s = suite_create("dateline");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_datelines);
	tcase_add_test(tc, test_date_lines);
	tcase_add_test(tc, test_file_names);
	tcase_add_test(tc, test_set_date);
	suite_add_tcase(s, tc);
	return s;
}
