/* test_strmap.c - the string to int hash map (strmap.h). */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "core/core.h"
#include "suites.h"

START_TEST(test_put_get)
{
	struct st_map m;
	int *v;

	st_map_init(&m);
	ck_assert_ptr_null(st_map_get(&m, "csto"));
	v = st_map_put(&m, "csto", 7);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(*v, 7);
	ck_assert_int_eq(*st_map_put(&m, "eu", 3), 3);
	ck_assert_int_eq(*st_map_get(&m, "csto"), 7);
	ck_assert_int_eq(*st_map_get(&m, "eu"), 3);
	ck_assert_ptr_null(st_map_get(&m, "nato"));
	ck_assert_ptr_null(st_map_get(&m, "cst"));
	ck_assert_ptr_null(st_map_get(&m, "cstoo"));
	ck_assert_uint_eq(m.n, 2);
	/* putting a present key keeps its value */
	ck_assert_int_eq(*st_map_put(&m, "csto", 100), 7);
	ck_assert_uint_eq(m.n, 2);
	st_map_finish(&m);
	ck_assert_uint_eq(m.n, 0);
	ck_assert_ptr_null(m.keys);
}
END_TEST

START_TEST(test_getn_putn_lengths)
{
	struct st_map m;

	st_map_init(&m);
	/* only the first len bytes are the key */
	st_map_putn(&m, "Yerevan-Moscow", 7, 1);
	ck_assert_str_eq(m.keys[0], "Yerevan");
	ck_assert_int_eq(*st_map_get(&m, "Yerevan"), 1);
	ck_assert_int_eq(*st_map_getn(&m, "Yerevanxyz", 7), 1);
	ck_assert_ptr_null(st_map_getn(&m, "Yerevan", 6));
	ck_assert_ptr_null(st_map_get(&m, "Yerevan-Moscow"));
	/* the empty key is a key */
	ck_assert_int_eq(*st_map_putn(&m, "abc", 0, 5), 5);
	ck_assert_int_eq(*st_map_get(&m, ""), 5);
	ck_assert_uint_eq(m.n, 2);
	st_map_finish(&m);
}
END_TEST

START_TEST(test_values_by_pointer)
{
	struct st_map m;
	int i;

	st_map_init(&m);
	for (i = 0; i < 3; i++)
		(*st_map_put(&m, "alliance", 0))++;
	(*st_map_put(&m, "bloc", 0))++;
	*st_map_get(&m, "bloc") += 10;
	ck_assert_int_eq(*st_map_get(&m, "alliance"), 3);
	ck_assert_int_eq(*st_map_get(&m, "bloc"), 11);
	ck_assert_int_eq(m.vals[0], 3);
	ck_assert_int_eq(m.vals[1], 11);
	st_map_finish(&m);
}
END_TEST

START_TEST(test_insertion_order_1000)
{
	struct st_map m;
	char key[32];
	int i;

	st_map_init(&m);
	/* keys whose order differs from both hash and byte order */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%d", (i * 7919) % 1000);
		ck_assert_int_eq(*st_map_put(&m, key, i), i);
	}
	ck_assert_uint_eq(m.n, 1000);
	ck_assert_uint_ge(m.nslots, 2000);
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%d", (i * 7919) % 1000);
		ck_assert_str_eq(m.keys[i], key);
		ck_assert_int_eq(m.vals[i], i);
		ck_assert_int_eq(*st_map_get(&m, key), i);
	}
	ck_assert_ptr_null(st_map_get(&m, "k1000"));
	st_map_finish(&m);
}
END_TEST

START_TEST(test_load_words)
{
	struct st_map m;
	static const char text[] =
		"# a comment line: said told\n"
		"say says\tsaid\n"
		"\n"
		"  tell   told  \r\n"
		"#another\n"
		"warn # not a comment here\n"
		"last";

	st_map_init(&m);
	st_map_load_words(&m, text, 4);
	ck_assert_uint_eq(m.n, 12);
	ck_assert_str_eq(m.keys[0], "say");
	ck_assert_str_eq(m.keys[1], "says");
	ck_assert_str_eq(m.keys[2], "said");
	ck_assert_str_eq(m.keys[3], "tell");
	ck_assert_str_eq(m.keys[4], "told");
	ck_assert_str_eq(m.keys[5], "warn");
	ck_assert_str_eq(m.keys[6], "#");
	ck_assert_str_eq(m.keys[7], "not");
	ck_assert_str_eq(m.keys[8], "a");
	ck_assert_str_eq(m.keys[9], "comment");
	ck_assert_str_eq(m.keys[10], "here");
	ck_assert_str_eq(m.keys[11], "last");
	ck_assert_int_eq(*st_map_get(&m, "told"), 4);
	ck_assert_ptr_null(st_map_get(&m, "comment:"));
	ck_assert_ptr_null(st_map_get(&m, "line:"));
	ck_assert_ptr_null(st_map_get(&m, "#another"));
	ck_assert_ptr_null(st_map_get(&m, "another"));
	st_map_finish(&m);
}
END_TEST

START_TEST(test_load_words_last_line)
{
	struct st_map m;

	st_map_init(&m);
	st_map_load_words(&m, "alpha\nbeta gamma", 1);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_str_eq(m.keys[2], "gamma");
	st_map_load_words(&m, "", 1);
	st_map_load_words(&m, "# only a comment", 1);
	ck_assert_uint_eq(m.n, 3);
	st_map_finish(&m);
}
END_TEST

START_TEST(test_load_classes)
{
	struct st_map m, classes;
	static const char text[] =
		"# word<TAB>class\n"
		"mp\tlegislature\n"
		"minister\texecutive\n"
		"lawmaker\tlegislature  \r\n"
		"no tab here\n"
		"\tmissing word\n"
		"analyst\texpert";

	st_map_init(&m);
	st_map_init(&classes);
	st_map_load_classes(&m, &classes, text);
	ck_assert_uint_eq(m.n, 4);
	ck_assert_uint_eq(classes.n, 3);
	ck_assert_str_eq(classes.keys[0], "legislature");
	ck_assert_str_eq(classes.keys[1], "executive");
	ck_assert_str_eq(classes.keys[2], "expert");
	ck_assert_int_eq(*st_map_get(&classes, "expert"), 2);
	ck_assert_str_eq(m.keys[0], "mp");
	ck_assert_str_eq(m.keys[1], "minister");
	ck_assert_str_eq(m.keys[2], "lawmaker");
	ck_assert_str_eq(m.keys[3], "analyst");
	ck_assert_int_eq(*st_map_get(&m, "mp"), 0);
	ck_assert_int_eq(*st_map_get(&m, "minister"), 1);
	ck_assert_int_eq(*st_map_get(&m, "lawmaker"), 0);
	ck_assert_int_eq(*st_map_get(&m, "analyst"), 2);
	ck_assert_ptr_null(st_map_get(&m, "no"));
	ck_assert_ptr_null(st_map_get(&m, "no tab here"));
	ck_assert_ptr_null(st_map_get(&m, ""));
	ck_assert_ptr_null(st_map_get(&classes, "missing word"));
	st_map_finish(&m);
	st_map_finish(&classes);
}
END_TEST

Suite *strmap_suite(void)
{
	Suite *s = suite_create("strmap");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_put_get);
	tcase_add_test(tc, test_getn_putn_lengths);
	tcase_add_test(tc, test_values_by_pointer);
	tcase_add_test(tc, test_insertion_order_1000);
	tcase_add_test(tc, test_load_words);
	tcase_add_test(tc, test_load_words_last_line);
	tcase_add_test(tc, test_load_classes);
	suite_add_tcase(s, tc);
	return s;
}
