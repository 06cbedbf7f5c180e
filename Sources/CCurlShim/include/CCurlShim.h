#ifndef PLANSMITH_CCURLSHIM_H
#define PLANSMITH_CCURLSHIM_H
/* Typed wrappers around libcurl's C-variadic functions (curl_easy_setopt /
 * curl_easy_getinfo), which Swift cannot call directly. */
#include <curl/curl.h>

typedef size_t (*cs_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*cs_xfer_cb)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                          curl_off_t ultotal, curl_off_t ulnow);

CURLcode cs_setopt_long(CURL *h, CURLoption o, long v);
CURLcode cs_setopt_off(CURL *h, CURLoption o, curl_off_t v);
CURLcode cs_setopt_str(CURL *h, CURLoption o, const char *v);
CURLcode cs_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
CURLcode cs_setopt_ptr(CURL *h, CURLoption o, void *v);
/* WRITEFUNCTION + WRITEDATA */
CURLcode cs_setopt_write(CURL *h, cs_data_cb f, void *ud);
/* HEADERFUNCTION + HEADERDATA */
CURLcode cs_setopt_header(CURL *h, cs_data_cb f, void *ud);
/* XFERINFOFUNCTION + XFERINFODATA + NOPROGRESS=0 */
CURLcode cs_setopt_xfer(CURL *h, cs_xfer_cb f, void *ud);
CURLcode cs_getinfo_long(CURL *h, CURLINFO i, long *out);
CURLcode cs_getinfo_off(CURL *h, CURLINFO i, curl_off_t *out);
/* The result code of a finished transfer (CURLMsg.data is a union). */
CURLcode cs_msg_result(const CURLMsg *m);

#endif
