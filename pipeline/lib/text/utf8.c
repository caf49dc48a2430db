/* utf8.c - is a file UTF-8 text, and if not, what is it likely to be. */
#include "text/text.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

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

/* Does the 8-byte word x hold a byte that is NUL or above 0x7f? */
static int not_plain(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;

	return ((x | ((x - ones) & ~x)) & highs) != 0;
}

int st_check_text(const char *path, const char *s, size_t n,
                  struct st_error *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		uint64_t x;

		/* ASCII without NUL, 8 bytes at a time: most of any article */
		while (i + 8 <= n) {
			memcpy(&x, p + i, 8);
			if (not_plain(x))
				break;
			i += 8;
		}
		if (i == n)
			break;
		if (p[i] == 0)
			return st_fail(err, path, st_line_of(s, i), "NUL byte");
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		/* utf8proc refuses overlong forms, surrogates and values
		 * past U+10FFFF */
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return st_fail(err, path, st_line_of(s, i),
			               "invalid UTF-8");
		i += (size_t)k;
	}
	return 0;
}
