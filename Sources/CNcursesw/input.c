/* Reading the keyboard without ncurses: what is waiting, in one read(2), decoded in the locale.
 * See CNcursesw.h for the contract. */
#include "CNcursesw.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

/* The first bytes of a character whose rest has not arrived yet (at most MB_LEN_MAX - 1). */
static unsigned char carried[MB_LEN_MAX];
static size_t carried_count = 0;

int fuhe_read_input(int fd, uint32_t *codes, int capacity) {
    unsigned char bytes[FUHE_INPUT_READ + MB_LEN_MAX];
    memcpy(bytes, carried, carried_count);
    ssize_t got = read(fd, bytes + carried_count, FUHE_INPUT_READ);
    if (got < 0) return (errno == EINTR || errno == EAGAIN) ? 0 : -1;
    if (got == 0) return -1;
    size_t total = carried_count + (size_t)got;
    size_t at = 0;
    int count = 0;
    while (at < total && count < capacity) {
        wchar_t character = 0;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t length = mbrtowc(&character, (const char *)bytes + at, total - at, &state);
        if (length == (size_t)-2) break;               /* its rest is still to come */
        if (length == (size_t)-1) { at += 1; continue; } /* no character: the byte is dropped */
        codes[count++] = (uint32_t)character;
        at += length == 0 ? 1 : length;                 /* 0: a NUL byte, code 0 */
    }
    carried_count = total - at < sizeof carried ? total - at : 0;
    memcpy(carried, bytes + at, carried_count);
    return count;
}

int fuhe_input_carries_a_part(void) { return carried_count > 0; }

void fuhe_drop_input_part(void) { carried_count = 0; }
