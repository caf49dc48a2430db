/* tmpdir.c - temporary folders for the tests that write files. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suites.h"
#include "core/core.h"
#include "io/io.h"

void test_make_dir(char *buf, size_t size, const char *what)
{
	snprintf(buf, size, "/tmp/stance-%s-XXXXXX", what);
	ck_assert_ptr_nonnull(mkdtemp(buf));
}

void test_list_dir(const char *dir, char *out, size_t size)
{
	struct dirent **ents;
	int n, i;

	out[0] = '\0';
	n = scandir(dir, &ents, NULL, alphasort);
	ck_assert_int_ge(n, 0);
	for (i = 0; i < n; i++) {
		if (strcmp(ents[i]->d_name, ".") && strcmp(ents[i]->d_name, "..")) {
			if (out[0])
				strncat(out, "|", size - strlen(out) - 1);
			strncat(out, ents[i]->d_name, size - strlen(out) - 1);
		}
		free(ents[i]);
	}
	free(ents);
}

void test_rm_dir(const char *dir)
{
	struct dirent **ents;
	char path[4096];
	int n, i;

	n = scandir(dir, &ents, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (strcmp(ents[i]->d_name, ".") && strcmp(ents[i]->d_name, "..")) {
			snprintf(path, sizeof path, "%s/%s", dir, ents[i]->d_name);
			unlink(path);
		}
		free(ents[i]);
	}
	if (n >= 0)
		free(ents);
	rmdir(dir);
	/* a model trained into dir keeps the one before beside it */
	snprintf(path, sizeof path, "%s.prev", dir);
	st_remove_tree(path);
}
