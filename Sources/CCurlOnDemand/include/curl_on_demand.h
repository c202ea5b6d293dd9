#ifndef FUHE_CURL_ON_DEMAND_H
#define FUHE_CURL_ON_DEMAND_H

/// Whether libcurl is in the process: in the release `fuhe` it is loaded on the first request
/// (`fuhe --server`, login, push, pull); elsewhere it was linked as usual (always 1).
int fuhe_curl_loaded(void);

#endif
