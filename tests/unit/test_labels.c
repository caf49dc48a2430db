/* test_labels.c - label files through the one parser (io/labels.c): a
 * list, and the prefixed form of a model's labels.txt. */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "suites.h"

START_TEST(test_labels_parse)
{
	char *l[ST_MAX_LABELS];
	struct st_error err;
	int n, i;

	n = st_labels_parse("labels.txt", "# the camps\n\npro-Russia opposition"
	                    "\r\ngovernment \nWestern-leaning analyst", l, &err);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(l[0], "pro-Russia opposition");
	ck_assert_str_eq(l[1], "government");
	ck_assert_str_eq(l[2], "Western-leaning analyst");
	ck_assert_int_eq(st_label_index(l, n, "government"), 1);
	ck_assert_int_eq(st_label_index(l, n, "Western-leaning analyst"), 2);
	ck_assert_int_eq(st_label_index(l, n, "Government"), -1);
	ck_assert_int_eq(st_label_index(l, 1, "government"), -1);
	for (i = 0; i < n; i++)
		free(l[i]);
}
END_TEST

START_TEST(test_labels_parse_rejects)
{
	char *l[ST_MAX_LABELS];
	struct st_error err;
	char many[1024];
	int i;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_labels_parse("labels.txt", "# one\nalone\n", l,
	                                 &err), -1);
	ck_assert_str_eq(err.file, "labels.txt");
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "fewer than two labels");

	ck_assert_int_eq(st_labels_parse("labels.txt", "", l, &err), -1);
	ck_assert_int_eq(err.line, 1);
	ck_assert_str_eq(err.msg, "fewer than two labels");

	ck_assert_int_eq(st_labels_parse("labels.txt", "government\nanalyst\n"
	                                 "# x\ngovernment\n", l, &err), -1);
	ck_assert_int_eq(err.line, 4);
	ck_assert_str_eq(err.msg, "label twice");

	many[0] = '\0';
	for (i = 0; i <= ST_MAX_LABELS; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many),
		         "label%d\n", i);
	ck_assert_int_eq(st_labels_parse("labels.txt", many, l, &err), -1);
	ck_assert_int_eq(err.line, ST_MAX_LABELS + 1);
	ck_assert_str_eq(err.msg, "more than 32 labels");
}
END_TEST

/* The prefixed form: the callback takes a header line and fails on a
 * missing one at the end. */
static int header(const char *s, long line, void *arg, struct st_error *err)
{
	int *seen = arg;

	if (!s)
		return *seen ? 0 : st_fail(err, "l.txt", line, "no header");
	if (strcmp(s, "head") == 0) {
		*seen = 1;
		return 1;
	}
	return 0;
}

START_TEST(test_labels_read_prefixed)
{
	char *l[ST_MAX_LABELS];
	struct st_error err;
	int seen = 0, n;
	struct st_label_syntax syn = { "label ", header, &seen };

	n = st_labels_read("l.txt", "head\nlabel a b\nlabel c\n", &syn, l,
	                   &err);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(seen, 1);
	ck_assert_str_eq(l[0], "a b");
	ck_assert_str_eq(l[1], "c");
	free(l[0]);
	free(l[1]);

	seen = 0;
	ck_assert_int_eq(st_labels_read("l.txt", "label a\nlabel b\n", &syn,
	                                l, &err), -1);
	ck_assert_str_eq(err.msg, "no header");
	ck_assert_int_eq(err.line, 2);

	ck_assert_int_eq(st_labels_read("l.txt", "head\nlabel a\n# c\n",
	                                &syn, l, &err), -1);
	ck_assert_str_eq(err.msg, "unexpected line");
	ck_assert_int_eq(err.line, 3);

	ck_assert_int_eq(st_labels_read("l.txt", "head\nlabel a\nlabel a\n",
	                                &syn, l, &err), -1);
	ck_assert_str_eq(err.msg, "too many or repeated labels");

	ck_assert_int_eq(st_labels_read("l.txt", "head\nlabel a\n", &syn, l,
	                                &err), -1);
	ck_assert_str_eq(err.msg, "truncated label file");
	ck_assert_int_eq(err.line, 2);
}
END_TEST

START_TEST(test_labels_sum_order)
{
	char *ab[] = { "a", "b" }, *ba[] = { "b", "a" }, *joined[] = { "ab" };

	/* the order counts, and so do the ends of the labels */
	ck_assert(st_labels_sum(ab, 2) != st_labels_sum(ba, 2));
	ck_assert(st_labels_sum(ab, 2) != st_labels_sum(joined, 1));
}
END_TEST

Suite *labels_suite(void)
{
	Suite *s = suite_create("labels");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_labels_parse);
	tcase_add_test(tc, test_labels_parse_rejects);
	tcase_add_test(tc, test_labels_read_prefixed);
	tcase_add_test(tc, test_labels_sum_order);
	suite_add_tcase(s, tc);
	return s;
}
