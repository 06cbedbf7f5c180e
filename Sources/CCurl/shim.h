#ifndef PLANSMITH_CCURL_SHIM_H
#define PLANSMITH_CCURL_SHIM_H
#include <curl/curl.h>
#endif
