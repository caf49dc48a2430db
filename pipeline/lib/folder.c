/* folder.c - folders written whole, then renamed into place. */
#include "folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *st_folder_new(const char *dir, struct st_error *err)
{
	struct st_buf b = ST_BUF_INIT;
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	st_buf_addf(&b, "%.*s.new.XXXXXX", (int)n, dir);
	if (!mkdtemp(b.s)) {
		st_fail(err, dir, 0, "cannot create %s: %s", b.s,
		        strerror(errno));
		st_buf_finish(&b);
		return NULL;
	}
	/* mkdtemp makes it 0700; a model folder is for sharing */
	chmod(b.s, 0777 & ~umask(umask(0)));
	st_out_track_dir(b.s, 1);
	return st_buf_detach(&b);
}

int st_rmtree(const char *path, struct st_error *err)
{
	struct stat sb;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? 0 : st_fail(err, path, 0,
		        "cannot remove: %s", strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		if (unlink(path) != 0)
			return st_fail(err, path, 0, "cannot remove: %s",
			               strerror(errno));
		return 0;
	}
	d = opendir(path);
	if (!d)
		return st_fail(err, path, 0, "cannot remove: %s",
		               strerror(errno));
	while (rc == 0 && (e = readdir(d)) != NULL) {
		struct st_buf b = ST_BUF_INIT;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		st_buf_addf(&b, "%s/%s", path, e->d_name);
		rc = st_rmtree(b.s, err);
		st_buf_finish(&b);
	}
	closedir(d);
	if (rc == 0 && rmdir(path) != 0)
		rc = st_fail(err, path, 0, "cannot remove: %s",
		             strerror(errno));
	return rc;
}

void st_folder_abort(char *tmp)
{
	struct st_error e;

	if (!tmp)
		return;
	st_rmtree(tmp, &e);
	st_out_track_dir(tmp, 0);
	free(tmp);
}

int st_folder_commit(char *tmp, const char *dir, int *had_prev,
                     struct st_error *err)
{
	struct st_buf prev = ST_BUF_INIT;
	struct stat sb;
	size_t n = strlen(dir);
	int rc = -1;

	*had_prev = 0;
	while (n > 1 && dir[n - 1] == '/')
		n--;
	st_buf_addf(&prev, "%.*s.prev", (int)n, dir);
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode)) {
			st_fail(err, dir, 0, "not a folder");
			goto out;
		}
		if (st_rmtree(prev.s, err))
			goto out;
		if (rename(dir, prev.s) != 0) {
			st_fail(err, dir, 0, "cannot rename to %s: %s", prev.s,
			        strerror(errno));
			goto out;
		}
		*had_prev = 1;
	}
	if (rename(tmp, dir) != 0) {
		int e = errno;

		if (*had_prev)
			rename(prev.s, dir);	/* put it back */
		*had_prev = 0;
		st_fail(err, dir, 0, "cannot rename %s into place: %s", tmp,
		        strerror(e));
		goto out;
	}
	st_out_track_dir(tmp, 0);
	free(tmp);
	tmp = NULL;
	rc = 0;
out:
	st_folder_abort(tmp);
	st_buf_finish(&prev);
	return rc;
}
