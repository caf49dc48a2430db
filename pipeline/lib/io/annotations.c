/* annotations.c - what spreadsheets do to a labelling sheet, undone. */
#include "io/io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

char st_sheet_delim(const char *data, size_t len)
{
	size_t i = 0;
	long commas = 0, semis = 0;
	int quoted = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		char c = data[i];

		if (c == '"')
			quoted = !quoted;	/* "" inside toggles twice */
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			commas++;
		else if (c == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

void st_cell_restore(char *s)
{
	if (s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]))
		memmove(s, s + 1, strlen(s));
}

/* s without white space at either end, case-folded.  Caller frees. */
static char *fold(const char *s)
{
	size_t n;
	utf8proc_uint8_t *out = NULL;
	char *t;

	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		else if ((unsigned char)s[0] == 0xc2 &&
		         (unsigned char)s[1] == 0xa0)
			s += 2;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n && strchr(" \t\r\n", s[n - 1]))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 &&
		         (unsigned char)s[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	t = st_xstrndup(s, n);
	if (utf8proc_map((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)n,
	                 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	                 UTF8PROC_CASEFOLD) < 0 || !out)
		return t;	/* not UTF-8: compared as it is */
	free(t);
	return (char *)out;
}

int st_label_match(char *const *labels, int n, const char *name)
{
	char *want = fold(name);
	int k, found = -1;

	for (k = 0; k < n && found < 0; k++) {
		char *have = fold(labels[k]);

		if (strcmp(have, want) == 0)
			found = k;
		free(have);
	}
	free(want);
	return found;
}

char *st_labels_join(char *const *labels, int n)
{
	struct st_buf b = ST_BUF_INIT;
	int k;

	st_buf_adds(&b, "");
	for (k = 0; k < n; k++)
		st_buf_addf(&b, "%s%s", k ? ", " : "", labels[k]);
	return st_buf_detach(&b);
}

static int digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

void st_sheet_age(const char *path, struct st_sheet_age *a)
{
	const char *base = strrchr(path, '/'), *s;
	struct stat sb;

	base = base ? base + 1 : path;
	a->name = base;
	a->date[0] = '\0';
	a->mtime_ns = 0;
	if (stat(path, &sb) == 0)
		a->mtime_ns = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		              sb.st_mtim.tv_nsec;
	for (s = base; strlen(s) >= 10; s++) {
		int m, d;

		if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
		    s[7] != '-' || !digits(s + 8, 2) || digits(s + 10, 1))
			continue;
		if (s > base && digits(s - 1, 1))
			continue;
		m = (s[5] - '0') * 10 + (s[6] - '0');
		d = (s[8] - '0') * 10 + (s[9] - '0');
		if (m < 1 || m > 12 || d < 1 || d > 31)
			continue;
		memcpy(a->date, s, 10);
		a->date[10] = '\0';
		return;
	}
	if (a->mtime_ns) {
		time_t t = (time_t)(a->mtime_ns / 1000000000LL);
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(a->date, sizeof a->date, "%Y-%m-%d", &tm);
	}
}

int st_sheet_age_cmp(const struct st_sheet_age *a,
                     const struct st_sheet_age *b)
{
	int c = strcmp(a->date, b->date);

	if (c)
		return c;
	if (a->mtime_ns != b->mtime_ns)
		return a->mtime_ns < b->mtime_ns ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int ends_with(const char *s, const char *ext)
{
	size_t n = strlen(s), m = strlen(ext), i;

	if (n < m)
		return 0;
	for (i = 0; i < m; i++) {
		char c = s[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != ext[i])
			return 0;
	}
	return 1;
}

int st_sheet_needs_office(const char *path)
{
	return ends_with(path, ".xlsx") || ends_with(path, ".ods");
}

/* The path of prog on PATH, or NULL.  Caller frees. */
static char *on_path(const char *prog)
{
	const char *p = getenv("PATH");
	struct st_buf b = ST_BUF_INIT;

	if (!p)
		p = "/usr/bin:/bin";
	while (*p) {
		size_t n = strcspn(p, ":");

		st_buf_reset(&b);
		if (n)
			st_buf_add(&b, p, n);
		else
			st_buf_adds(&b, ".");
		st_buf_addf(&b, "/%s", prog);
		if (access(b.s, X_OK) == 0)
			return st_buf_detach(&b);
		p += n;
		if (*p == ':')
			p++;
	}
	st_buf_finish(&b);
	return NULL;
}

int st_sheet_convert(const char *path, const char *tmpdir,
                     struct st_buf *out, struct st_error *err)
{
	static const char filter[] = "csv:Text - txt - csv (StarCalc):44,34,76";
	struct st_buf dir = ST_BUF_INIT, profile = ST_BUF_INIT,
		csv = ST_BUF_INIT, log = ST_BUF_INIT;
	const char *base = strrchr(path, '/'), *dot;
	char *soffice = on_path("soffice");
	int rc = -1, status = 0;
	pid_t pid;

	if (!soffice) {
		st_fail(err, path, 0, "a .%s sheet is read through LibreOffice, "
		        "which is not installed: apt-get install "
		        "libreoffice-calc-nogui (or save the sheet as CSV)",
		        ends_with(path, ".ods") ? "ods" : "xlsx");
		goto out;
	}
	st_buf_addf(&dir, "%s/sheet-XXXXXX", tmpdir);
	if (!mkdtemp(dir.s)) {
		st_fail(err, tmpdir, 0, "cannot create a folder: %s",
		        strerror(errno));
		goto out;
	}
	st_buf_addf(&profile, "-env:UserInstallation=file://%s/profile",
	            tmpdir);
	st_buf_addf(&log, "%s/soffice.log", dir.s);
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	st_buf_addf(&csv, "%s/%.*s.csv", dir.s, (int)(dot - base), base);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		st_fail(err, path, 0, "cannot run soffice: %s", strerror(errno));
		goto out;
	}
	if (pid == 0) {
		int fd = open(log.s, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		/* numbers in a locale-independent notation */
		setenv("LC_ALL", "C.UTF-8", 1);
		execl(soffice, "soffice", "--headless", "--norestore",
		      "--nolockcheck", profile.s, "--convert-to", filter,
		      "--outdir", dir.s, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			st_fail(err, path, 0, "soffice: %s", strerror(errno));
			goto out;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    access(csv.s, R_OK) != 0) {
		struct st_buf msg = ST_BUF_INIT;
		struct st_error e2;

		if (st_read_file(log.s, &msg, &e2) == 0)
			st_buf_trim(&msg);
		st_fail(err, path, 0, "LibreOffice could not convert it to "
		        "CSV%s%.300s", msg.len ? ": " : "", msg.len ? msg.s : "");
		st_buf_finish(&msg);
		goto out;
	}
	if (st_read_file(csv.s, out, err))
		goto out;
	rc = 0;
out:
	if (csv.s)
		unlink(csv.s);
	if (log.s)
		unlink(log.s);
	if (dir.s)
		rmdir(dir.s);
	free(soffice);
	st_buf_finish(&dir);
	st_buf_finish(&profile);
	st_buf_finish(&csv);
	st_buf_finish(&log);
	return rc;
}
