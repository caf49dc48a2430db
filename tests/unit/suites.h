/* suites.h - one Check suite per module of libstance. */
#ifndef STANCE_TEST_SUITES_H
#define STANCE_TEST_SUITES_H

#include <stdio.h>
#include <check.h>

Suite *util_suite(void);
Suite *strmap_suite(void);
Suite *csvio_suite(void);
Suite *quote_suite(void);
Suite *tokens_suite(void);
Suite *extract_suite(void);
Suite *feature_suite(void);
Suite *model_suite(void);
Suite *linear_suite(void);
Suite *commit_suite(void);
Suite *annotations_suite(void);
Suite *sheet_suite(void);

/* Temporary folders (tmpdir.c): make one named /tmp/stance-WHAT-XXXXXX
 * into buf; list its names sorted and joined by '|'; remove it with the
 * files in it. */
void test_make_dir(char *buf, size_t size, const char *what);
void test_list_dir(const char *dir, char *out, size_t size);
void test_rm_dir(const char *dir);

#endif
