// libcurl, loaded on first use. The release `fuhe` links Foundation statically (process start
// without relocating the Swift libraries); FoundationNetworking (URLSession, for `fuhe --server`,
// login, push, pull) calls these 23 libcurl functions. Linked as usual, libcurl and the 28
// libraries it needs would be loaded and relocated at every start, also for the workstation on
// a local store, which never makes a request: about 6 ms of CPU of every start. Here each
// function loads libcurl.so.4 (the Debian package libcurl4) on the first call and then calls
// the real one. Compiled only into release builds (FUHE_CURL_ON_DEMAND, Package.swift); debug
// builds link Foundation dynamically, libcurl with it.
#include "curl_on_demand.h"

#ifdef FUHE_CURL_ON_DEMAND
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void *library;
static pthread_once_t loading = PTHREAD_ONCE_INIT;

static void load(void) {
    library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        fprintf(stderr, "fuhe: libcurl.so.4 is needed for requests to a server (apt-get install libcurl4): %s\n", dlerror());
        abort();
    }
}

static void *symbol(const char *name) {
    pthread_once(&loading, load);
    void *function = dlsym(library, name);
    if (!function) {
        fprintf(stderr, "fuhe: libcurl.so.4 has no %s\n", name);
        abort();
    }
    return function;
}

int fuhe_curl_loaded(void) {
    return __atomic_load_n(&library, __ATOMIC_ACQUIRE) != NULL;
}

// Hidden: they satisfy FoundationNetworking's calls inside the binary, and libcurl's own calls
// never land here (the binary exports its symbols).
#define HIDDEN __attribute__((visibility("hidden")))

#define FORWARD(ret, name, params, args)                                          \
    HIDDEN ret name params {                                                      \
        static ret (*real) params;                                                \
        ret (*function) params = __atomic_load_n(&real, __ATOMIC_ACQUIRE);        \
        if (!function) {                                                          \
            function = (ret (*) params)symbol(#name);                             \
            __atomic_store_n(&real, function, __ATOMIC_RELEASE);                  \
        }                                                                         \
        return function args;                                                     \
    }

// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt take one argument after the option:
// a long, a pointer or a curl_off_t, which on x86_64 and aarch64 Linux all travel in one 64-bit
// general-purpose register; it is read and passed on as one.
#define FORWARD_OPTION(name)                                                      \
    HIDDEN int name(void *handle, int option, ...) {                              \
        static int (*real)(void *, int, ...);                                     \
        int (*function)(void *, int, ...) = __atomic_load_n(&real, __ATOMIC_ACQUIRE); \
        if (!function) {                                                          \
            function = (int (*)(void *, int, ...))symbol(#name);                  \
            __atomic_store_n(&real, function, __ATOMIC_RELEASE);                  \
        }                                                                         \
        va_list list;                                                             \
        va_start(list, option);                                                   \
        void *value = va_arg(list, void *);                                       \
        va_end(list);                                                             \
        return function(handle, option, value);                                   \
    }

FORWARD(void *, curl_easy_init, (void), ())
FORWARD(void, curl_easy_cleanup, (void *handle), (handle))
FORWARD_OPTION(curl_easy_getinfo)
FORWARD_OPTION(curl_easy_setopt)
FORWARD_OPTION(curl_multi_setopt)
FORWARD(int, curl_easy_pause, (void *handle, int mask), (handle, mask))
FORWARD(const char *, curl_easy_strerror, (int code), (code))
FORWARD(void, curl_free, (void *pointer), (pointer))
FORWARD(int, curl_global_init, (long flags), (flags))
FORWARD(int, curl_multi_add_handle, (void *multi, void *handle), (multi, handle))
FORWARD(int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))
FORWARD(int, curl_multi_cleanup, (void *multi), (multi))
FORWARD(void *, curl_multi_info_read, (void *multi, int *queued), (multi, queued))
FORWARD(void *, curl_multi_init, (void), ())
FORWARD(int, curl_multi_remove_handle, (void *multi, void *handle), (multi, handle))
FORWARD(int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running), (multi, socket, mask, running))
FORWARD(void *, curl_slist_append, (void *list, const char *text), (list, text))
FORWARD(void, curl_slist_free_all, (void *list), (list))
FORWARD(void *, curl_url, (void), ())
FORWARD(int, curl_url_get, (void *url, int part, char **value, unsigned flags), (url, part, value, flags))
FORWARD(int, curl_url_set, (void *url, int part, const char *value, unsigned flags), (url, part, value, flags))
FORWARD(char *, curl_version, (void), ())
FORWARD(void *, curl_version_info, (int age), (age))
#else
int fuhe_curl_loaded(void) { return 1; }
#endif
