/* test_sheet.c - workbooks (sheet.h): where a quote sits in its article,
 * and byte-identical .xlsx files written whole. */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "suites.h"

static void around(const char *text, const char *quote, char *sent,
                   char *para)
{
	const char *q = strstr(text, quote);
	size_t sb, se, pb, pe;

	ck_assert_ptr_nonnull(q);
	st_text_around(text, strlen(text), (size_t)(q - text),
	               (size_t)(q - text) + strlen(quote), &sb, &se, &pb, &pe);
	sprintf(sent, "%.*s", (int)(se - sb), text + sb);
	sprintf(para, "%.*s", (int)(pe - pb), text + pb);
}

START_TEST(test_text_around)
{
	static const char text[] =
		"Yerevan, 9 January.\n"
		"Opening the debate, Arsen Melkonyan said the freeze had left "
		"the country \"standing alone\". \"Two years of this have given "
		"us nothing,\" he told lawmakers. Then he sat down.\r\n"
		"He said: \xc2\xabWe stay. We wait.\xc2\xbb Then he left.\n"
		"\"Not now,\" she said";
	char s[512], p[512];

	around(text, "standing alone", s, p);
	ck_assert_str_eq(s, "Opening the debate, Arsen Melkonyan said the "
	                 "freeze had left the country \"standing alone\".");
	ck_assert_str_eq(p, "Opening the debate, Arsen Melkonyan said the "
	                 "freeze had left the country \"standing alone\". "
	                 "\"Two years of this have given us nothing,\" he told "
	                 "lawmakers. Then he sat down.");
	around(text, "Two years of this have given us nothing,", s, p);
	ck_assert_str_eq(s, "\"Two years of this have given us nothing,\" he "
	                 "told lawmakers.");
	around(text, "We stay. We wait.", s, p);
	ck_assert_str_eq(s, "He said: \xc2\xabWe stay. We wait.\xc2\xbb");
	ck_assert_str_eq(p, "He said: \xc2\xabWe stay. We wait.\xc2\xbb Then "
	                 "he left.");
	around(text, "Not now,", s, p);
	ck_assert_str_eq(s, "\"Not now,\" she said");
	ck_assert_str_eq(p, "\"Not now,\" she said");
}
END_TEST

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(test_todo_byte_identical)
{
	static char *labels[] = { "pro-Russia opposition", "government",
		"Western-leaning analyst" };
	struct st_todo_row rows[2] = {
		{ "00123", "=SUM(1,2) is not a policy,", "Ruzanna Abrahamyan",
		  "deputy foreign minister", "government", 0.4321,
		  "\"=SUM(1,2) is not a policy,\" said Ruzanna Abrahamyan.",
		  "The paragraph." },
		{ "1e5", "We stay", "", "", "pro-Russia opposition", 0.99, "",
		  "" },
	};
	char dir[64], a[128], b[128], list[256];
	struct st_buf x = ST_BUF_INIT, y = ST_BUF_INIT;
	struct st_error err = { 0 };

	test_make_dir(dir, sizeof dir, "sheet");
	snprintf(a, sizeof a, "%s/a.xlsx", dir);
	snprintf(b, sizeof b, "%s/b.xlsx", dir);
	ck_assert_int_eq(st_sheet_write_todo(a, rows, 2, labels, 3, &err), 0);
	ck_assert_int_eq(st_sheet_write_todo(b, rows, 2, labels, 3, &err), 0);
	ck_assert_int_eq(st_read_file(a, &x, &err), 0);
	ck_assert_int_eq(st_read_file(b, &y, &err), 0);
	ck_assert_uint_gt(x.len, 1000);
	ck_assert_int_eq(memcmp(x.s, "PK\x03\x04", 4), 0);
	ck_assert_uint_eq(x.len, y.len);
	ck_assert_int_eq(memcmp(x.s, y.s, x.len), 0);
	test_list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "a.xlsx|b.xlsx");
	st_buf_finish(&x);
	st_buf_finish(&y);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_reports_workbook)
{
	char dir[64], path[128], out[128], list[256];
	struct st_error err = { 0 };

	test_make_dir(dir, sizeof dir, "reports");
	snprintf(path, sizeof path, "%s/quotes.csv", dir);
	write_file(path, "article,quote_id,paragraph,start,end,kind,speaker,"
	           "role,quote,stance,confidence,P(a),P(b),review\n"
	           "0042,q1,2,10,20,full,X,,'=1+1,a,0.9000,0.9000,0.1000,0\n");
	snprintf(path, sizeof path, "%s/articles.csv", dir);
	write_file(path, "\xef\xbb\xbf" "article,quotes,a,b\r\n0042,1,1,0\r\n");
	snprintf(out, sizeof out, "%s/stance.xlsx", dir);
	/* speakers.csv is missing: no workbook, no temporary file */
	ck_assert_int_eq(st_sheet_write_reports(dir, out, &err), -1);
	snprintf(path, sizeof path, "%s/speakers.csv", dir);
	ck_assert_str_eq(err.file, dir);
	ck_assert_str_eq(err.msg, "speakers.csv: cannot open: No such file or "
	                 "directory");
	test_list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "articles.csv|quotes.csv");
	write_file(path, "speaker,role,articles,quotes,a,b,majority\n"
	           "X,,1,1,1,0,a\n");
	ck_assert_msg(st_sheet_write_reports(dir, out, &err) == 0, "%s",
	              err.msg);
	test_list_dir(dir, list, sizeof list);
	ck_assert_str_eq(list, "articles.csv|quotes.csv|speakers.csv|"
	                 "stance.xlsx");
	test_rm_dir(dir);
}
END_TEST

Suite *sheet_suite(void)
{
	Suite *s = suite_create("sheet");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_text_around);
	tcase_add_test(tc, test_todo_byte_identical);
	tcase_add_test(tc, test_reports_workbook);
	suite_add_tcase(s, tc);
	return s;
}
