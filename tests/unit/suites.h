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

#endif
