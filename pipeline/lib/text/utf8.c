/* utf8.c - is a file UTF-8 text, and if not, what is it likely to be. */
#include "text/text.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *st_guess_encoding(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, m = n < 65536 ? n : 65536, zeven = 0, zodd = 0, high = 0;
	size_t ok8 = 0;

	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return "UTF-16LE";
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return "UTF-16BE";
	for (i = 0; i < m; i++) {
		if (!p[i])
			*(i % 2 ? &zodd : &zeven) += 1;
		else if (p[i] >= 0x80)
			high++;
	}
	/* English in UTF-16: every other byte is NUL */
	if (m >= 4 && zodd * 3 >= m / 2 && zeven * 10 < zodd)
		return "UTF-16LE";
	if (m >= 4 && zeven * 3 >= m / 2 && zodd * 10 < zeven)
		return "UTF-16BE";
	if (zodd || zeven || !high)
		return NULL;
	/* 8-bit text: its high bytes stand alone, where UTF-8 would have
	 * lead bytes followed by continuation bytes */
	for (i = 0; i + 1 < m; i++)
		if (p[i] >= 0xc2 && p[i] <= 0xf4 && (p[i + 1] & 0xc0) == 0x80)
			ok8++;
	return ok8 * 4 < high ? "WINDOWS-1252" : NULL;
}

long st_line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

int st_check_text(const char *path, const char *s, size_t n,
                  struct st_error *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t len, k;
		uint32_t cp;

		if (c == 0)
			return st_fail(err, path, st_line_of(s, i), "NUL byte");
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		if (i + len > n)
			goto bad;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			goto bad;
		i += len;
	}
	return 0;
bad:
	return st_fail(err, path, st_line_of(s, i), "invalid UTF-8");
}

