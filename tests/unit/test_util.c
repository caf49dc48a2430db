/* test_util.c - errors, buffers, number parsing, UTF-8 checks, atomic
 * output and FNV-1a (util.h). */
#include <stdio.h>
#include <check.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "core/core.h"
#include "io/io.h"

/* ---- helpers ---------------------------------------------------------- */

/* ---- st_fail ---------------------------------------------------------- */

/* The file named by an error outlives the string it was given as: a
 * function that builds a path, fails and frees it still names it. */
START_TEST(test_fail_keeps_the_name)
{
	struct st_error err;
	char *path = st_xstrdup("models/vocab.txt");

	memset(&err, 0, sizeof err);
	st_fail(&err, path, 0, "write error: %s", "No space left on device");
	memset(path, 'x', strlen(path));
	free(path);
	ck_assert_str_eq(err.file, "models/vocab.txt");
	ck_assert_str_eq(err.msg, "write error: No space left on device");
	/* naming the file of an error already filled */
	st_error_file(&err, "other.csv");
	ck_assert_str_eq(err.file, "other.csv");
	ck_assert_str_eq(err.msg, "write error: No space left on device");
	/* and no file at all */
	st_fail(&err, NULL, 0, "usage");
	ck_assert_ptr_null(err.file);
}
END_TEST

START_TEST(test_fail_fills_error)
{
	struct st_error err;
	const char *path = "x.csv";

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_fail(&err, path, 7, "bad %s %d", "thing", 3), -1);
	/* a copy, kept in err */
	ck_assert_str_eq(err.file, path);
	ck_assert_ptr_eq(err.file, err.fbuf);
	ck_assert_int_eq(err.line, 7);
	ck_assert_str_eq(err.msg, "bad thing 3");
	/* a NULL err is allowed */
	ck_assert_int_eq(st_fail(NULL, path, 1, "ignored"), -1);
}
END_TEST

/* ---- numbers ---------------------------------------------------------- */

START_TEST(test_parse_long_accepts)
{
	long v = 0;

	ck_assert_int_eq(st_parse_long("42", &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(st_parse_long("-3", &v), 0);
	ck_assert_int_eq(v, -3);
	ck_assert_int_eq(st_parse_long("0", &v), 0);
	ck_assert_int_eq(v, 0);
}
END_TEST

START_TEST(test_parse_long_rejects)
{
	long v = 99;

	ck_assert_int_eq(st_parse_long("", &v), -1);
	ck_assert_int_eq(st_parse_long(" 4", &v), -1);
	ck_assert_int_eq(st_parse_long("4x", &v), -1);
	ck_assert_int_eq(st_parse_long("2.5", &v), -1);
	ck_assert_int_eq(st_parse_long("99999999999999999999999", &v), -1);
	/* the value is left alone on failure */
	ck_assert_int_eq(v, 99);
}
END_TEST

START_TEST(test_parse_double_accepts)
{
	double v = 0;

	ck_assert_int_eq(st_parse_double("42", &v), 0);
	ck_assert_double_eq(v, 42.0);
	ck_assert_int_eq(st_parse_double("-3", &v), 0);
	ck_assert_double_eq(v, -3.0);
	ck_assert_int_eq(st_parse_double("2.5", &v), 0);
	ck_assert_double_eq(v, 2.5);
	ck_assert_int_eq(st_parse_double("1e3", &v), 0);
	ck_assert_double_eq(v, 1000.0);
}
END_TEST

START_TEST(test_parse_double_rejects)
{
	double v = 7.0;

	ck_assert_int_eq(st_parse_double("", &v), -1);
	ck_assert_int_eq(st_parse_double(" 4", &v), -1);
	ck_assert_int_eq(st_parse_double("4x", &v), -1);
	ck_assert_int_eq(st_parse_double("1e999", &v), -1);
	ck_assert_int_eq(st_parse_double("nan", &v), -1);
	ck_assert_int_eq(st_parse_double("inf", &v), -1);
	ck_assert_double_eq(v, 7.0);
}
END_TEST

/* ---- UTF-8 ------------------------------------------------------------ */

START_TEST(test_check_text_accepts_utf8)
{
	/* curly quotes, Armenian, Cyrillic, a 4-byte emoji */
	static const char s[] =
		"\xe2\x80\x9cHello,\xe2\x80\x9d she said.\n"
		"\xd5\x80\xd5\xa1\xd5\xb5\xd5\xa1\xd5\xbd\xd5\xbf\xd5\xa1\xd5\xb6 "
		"(Armenia)\n"
		"\xd0\x9e\xd0\x94\xd0\x9a\xd0\x91 \xd0\xb8 \xd0\xa0\xd0\xbe\xd1\x81"
		"\xd1\x81\xd0\xb8\xd1\x8f \xf0\x9f\x98\x80\n";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("a.txt", s, strlen(s), &err), 0);
	ck_assert_int_eq(st_check_text("a.txt", "", 0, &err), 0);
}
END_TEST

START_TEST(test_check_text_nul)
{
	static const char s[] = "line one\nline two\nthree\0four\n";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("a.txt", s, sizeof s - 1, &err), -1);
	ck_assert_str_eq(err.file, "a.txt");
	ck_assert_int_eq(err.line, 3);
	ck_assert_str_eq(err.msg, "NUL byte");
}
END_TEST

START_TEST(test_check_text_invalid_byte)
{
	static const char s[] = "ok\nstill ok \xff here\n";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("b.txt", s, strlen(s), &err), -1);
	ck_assert_str_eq(err.file, "b.txt");
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "invalid UTF-8");
}
END_TEST

START_TEST(test_check_text_overlong)
{
	/* C0 AF is an overlong '/' */
	static const char s[] = "a\nb\nc\nd \xc0\xaf\n";
	/* E0 80 AF is a three-byte overlong '/' */
	static const char s3[] = "\xe0\x80\xaf";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("c.txt", s, strlen(s), &err), -1);
	ck_assert_int_eq(err.line, 4);
	ck_assert_str_eq(err.msg, "invalid UTF-8");
	ck_assert_int_eq(st_check_text("c.txt", s3, strlen(s3), &err), -1);
	ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(test_check_text_surrogate)
{
	/* ED A0 80 encodes U+D800, a surrogate */
	static const char s[] = "first\n\xed\xa0\x80 second\n";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("d.txt", s, strlen(s), &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "invalid UTF-8");
}
END_TEST

START_TEST(test_check_text_truncated_and_too_big)
{
	/* a lead byte cut off by the end of the text; U+110000 */
	static const char cut[] = "x\ny\n\xd5";
	static const char big[] = "\xf4\x90\x80\x80";
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_check_text("e.txt", cut, strlen(cut), &err), -1);
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(st_check_text("e.txt", big, strlen(big), &err), -1);
	ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(test_line_of)
{
	static const char s[] = "ab\ncd\n\nef";

	ck_assert_int_eq(st_line_of(s, 0), 1);
	ck_assert_int_eq(st_line_of(s, 2), 1);	/* the newline itself */
	ck_assert_int_eq(st_line_of(s, 3), 2);
	ck_assert_int_eq(st_line_of(s, 6), 3);
	ck_assert_int_eq(st_line_of(s, 7), 4);
	ck_assert_int_eq(st_line_of(s, 9), 4);
}
END_TEST

/* ---- buffers ---------------------------------------------------------- */

START_TEST(test_buf_add)
{
	struct st_buf b = ST_BUF_INIT;

	st_buf_add(&b, "abc", 2);
	ck_assert_str_eq(b.s, "ab");
	ck_assert_uint_eq(b.len, 2);
	st_buf_adds(&b, "-xyz");
	st_buf_addc(&b, '!');
	ck_assert_str_eq(b.s, "ab-xyz!");
	ck_assert_uint_eq(b.len, 7);
	ck_assert_uint_ge(b.cap, 8);
	st_buf_reset(&b);
	ck_assert_str_eq(b.s, "");
	ck_assert_uint_eq(b.len, 0);
	st_buf_finish(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
}
END_TEST

START_TEST(test_buf_grows)
{
	struct st_buf b;
	size_t i;

	st_buf_init(&b);
	for (i = 0; i < 1000; i++)
		st_buf_addc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 1000);
	ck_assert_uint_eq(strlen(b.s), 1000);
	ck_assert_int_eq(b.s[999], 'a' + 999 % 26);
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_buf_addf)
{
	struct st_buf b = ST_BUF_INIT;
	char big[300];

	st_buf_addf(&b, "%d:%s:%.2f", 42, "x", 0.5);
	ck_assert_str_eq(b.s, "42:x:0.50");
	ck_assert_uint_eq(b.len, 9);
	/* past the first allocation */
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	st_buf_addf(&b, "[%s]", big);
	ck_assert_uint_eq(b.len, 9 + 2 + 299);
	ck_assert_int_eq(b.s[9], '[');
	ck_assert_int_eq(b.s[b.len - 1], ']');
	ck_assert_int_eq(b.s[b.len], '\0');
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_buf_trim)
{
	struct st_buf b = ST_BUF_INIT;

	st_buf_adds(&b, " \t\r\n hello  world \n\v\f");
	st_buf_trim(&b);
	ck_assert_str_eq(b.s, "hello  world");
	ck_assert_uint_eq(b.len, 12);
	st_buf_reset(&b);
	st_buf_adds(&b, "   ");
	st_buf_trim(&b);
	ck_assert_str_eq(b.s, "");
	ck_assert_uint_eq(b.len, 0);
	st_buf_reset(&b);
	st_buf_adds(&b, "plain");
	st_buf_trim(&b);
	ck_assert_str_eq(b.s, "plain");
	st_buf_finish(&b);
}
END_TEST

START_TEST(test_buf_detach)
{
	struct st_buf b = ST_BUF_INIT;
	char *s;

	st_buf_adds(&b, "mine now");
	s = st_buf_detach(&b);
	ck_assert_str_eq(s, "mine now");
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
	free(s);
	/* an empty buffer detaches as an allocated "" */
	s = st_buf_detach(&b);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(test_xstrndup)
{
	char *s = st_xstrndup("abcdef", 3);
	char *t = st_xstrdup("Երևան");

	ck_assert_str_eq(s, "abc");
	ck_assert_str_eq(t, "Երևան");
	free(s);
	free(t);
}
END_TEST

/* ---- files ------------------------------------------------------------ */

START_TEST(test_read_file)
{
	char dir[64], path[128];
	struct st_buf b = ST_BUF_INIT;
	struct st_error err;
	FILE *fp;

	test_make_dir(dir, sizeof dir, "util");
	snprintf(path, sizeof path, "%s/in.txt", dir);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs("one\ntwo\n", fp);
	fclose(fp);
	ck_assert_int_eq(st_read_file(path, &b, &err), 0);
	ck_assert_str_eq(b.s, "one\ntwo\n");
	ck_assert_uint_eq(b.len, 8);
	st_buf_finish(&b);

	snprintf(path, sizeof path, "%s/missing.txt", dir);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_read_file(path, &b, &err), -1);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(err.line, 0);
	ck_assert_str_eq(err.msg, "cannot open: No such file or directory");
	st_buf_finish(&b);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_out_commit)
{
	char dir[64], path[128], names[256];
	struct st_out o;
	struct st_buf b = ST_BUF_INIT;
	struct st_error err;

	test_make_dir(dir, sizeof dir, "util");
	snprintf(path, sizeof path, "%s/report.csv", dir);
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	ck_assert_ptr_nonnull(o.fp);
	ck_assert_str_eq(o.path, path);
	ck_assert_ptr_nonnull(o.tmp);
	ck_assert_int_eq(strncmp(o.tmp, path, strlen(path)), 0);
	ck_assert_int_eq(strncmp(o.tmp + strlen(path), ".tmp", 4), 0);
	fputs("a,b\n1,2\n", o.fp);
	/* before commit only the temporary file exists */
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, o.tmp + strlen(dir) + 1);
	ck_assert_int_eq(access(path, F_OK), -1);

	ck_assert_int_eq(st_out_commit(&o, &err), 0);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "report.csv");
	ck_assert_int_eq(st_read_file(path, &b, &err), 0);
	ck_assert_str_eq(b.s, "a,b\n1,2\n");
	st_buf_finish(&b);

	/* a second write replaces the file whole */
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	fputs("new\n", o.fp);
	ck_assert_int_eq(st_out_commit(&o, &err), 0);
	ck_assert_int_eq(st_read_file(path, &b, &err), 0);
	ck_assert_str_eq(b.s, "new\n");
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "report.csv");
	st_buf_finish(&b);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_out_abort)
{
	char dir[64], path[128], names[256];
	struct st_out o;
	struct st_error err;

	test_make_dir(dir, sizeof dir, "util");
	snprintf(path, sizeof path, "%s/never.csv", dir);
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	fputs("half a file", o.fp);
	fflush(o.fp);
	test_list_dir(dir, names, sizeof names);
	ck_assert_int_eq(strncmp(names, "never.csv.tmp", 13), 0);
	st_out_abort(&o);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "");
	ck_assert_ptr_null(o.fp);
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmp);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_out_abort_keeps_old_file)
{
	char dir[64], path[128], names[256];
	struct st_out o;
	struct st_buf b = ST_BUF_INIT;
	struct st_error err;

	test_make_dir(dir, sizeof dir, "util");
	snprintf(path, sizeof path, "%s/keep.txt", dir);
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	fputs("old\n", o.fp);
	ck_assert_int_eq(st_out_commit(&o, &err), 0);
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	fputs("new\n", o.fp);
	st_out_abort(&o);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "keep.txt");
	ck_assert_int_eq(st_read_file(path, &b, &err), 0);
	ck_assert_str_eq(b.s, "old\n");
	st_buf_finish(&b);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_out_open_fails)
{
	struct st_out o;
	struct st_error err;
	const char *path = "/nonexistent-stance-dir/x/out.csv";

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_out_open(&o, path, &err), -1);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(err.line, 0);
	ck_assert_str_eq(err.msg, "cannot create: No such file or directory");
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmp);
}
END_TEST

START_TEST(test_out_commit_write_error)
{
	static const char *const path = "/dev/full";
	struct st_out o;
	struct st_error err;
	int i;

	if (access(path, W_OK) != 0)
		return;		/* no /dev/full here */
	/* a device is written in place: no temporary file */
	ck_assert_int_eq(st_out_open(&o, path, &err), 0);
	ck_assert_ptr_null(o.tmp);
	for (i = 0; i < 10000; i++)
		fputs("0123456789", o.fp);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_out_commit(&o, &err), -1);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(err.line, 0);
	ck_assert_str_eq(err.msg, "write error: No space left on device");
	ck_assert_ptr_null(o.path);
}
END_TEST

START_TEST(test_out_stdout)
{
	struct st_out o;
	struct st_error err;

	ck_assert_int_eq(st_out_open(&o, "-", &err), 0);
	ck_assert_ptr_eq(o.fp, stdout);
	ck_assert_ptr_null(o.path);
	ck_assert_ptr_null(o.tmp);
	ck_assert_int_eq(st_out_commit(&o, &err), 0);
}
END_TEST

/* ---- FNV-1a ----------------------------------------------------------- */

START_TEST(test_fnv1a)
{
	ck_assert_uint_eq(ST_FNV_INIT, 14695981039346656037ULL);
	ck_assert_uint_eq(st_fnv1a("", 0, ST_FNV_INIT), 14695981039346656037ULL);
	ck_assert_uint_eq(st_fnv1a("a", 1, ST_FNV_INIT), 0xaf63dc4c8601ec8cULL);
	ck_assert_uint_eq(st_fnv1a("foobar", 6, ST_FNV_INIT),
	                  0x85944171f73967e8ULL);
	/* chaining equals hashing the whole */
	ck_assert_uint_eq(st_fnv1a("bar", 3, st_fnv1a("foo", 3, ST_FNV_INIT)),
	                  st_fnv1a("foobar", 6, ST_FNV_INIT));
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_fail_fills_error);
	tcase_add_test(tc, test_fail_keeps_the_name);
	tcase_add_test(tc, test_parse_long_accepts);
	tcase_add_test(tc, test_parse_long_rejects);
	tcase_add_test(tc, test_parse_double_accepts);
	tcase_add_test(tc, test_parse_double_rejects);
	tcase_add_test(tc, test_check_text_accepts_utf8);
	tcase_add_test(tc, test_check_text_nul);
	tcase_add_test(tc, test_check_text_invalid_byte);
	tcase_add_test(tc, test_check_text_overlong);
	tcase_add_test(tc, test_check_text_surrogate);
	tcase_add_test(tc, test_check_text_truncated_and_too_big);
	tcase_add_test(tc, test_line_of);
	tcase_add_test(tc, test_buf_add);
	tcase_add_test(tc, test_buf_grows);
	tcase_add_test(tc, test_buf_addf);
	tcase_add_test(tc, test_buf_trim);
	tcase_add_test(tc, test_buf_detach);
	tcase_add_test(tc, test_xstrndup);
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_out_commit);
	tcase_add_test(tc, test_out_abort);
	tcase_add_test(tc, test_out_abort_keeps_old_file);
	tcase_add_test(tc, test_out_open_fails);
	tcase_add_test(tc, test_out_commit_write_error);
	tcase_add_test(tc, test_out_stdout);
	tcase_add_test(tc, test_fnv1a);
	suite_add_tcase(s, tc);
	return s;
}
