#ifndef SKJENK_CLIBXML2_SHIM_H
#define SKJENK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull in the system ICU headers, which
   clash with Foundation's own copy. skjenk never touches the ICU members of libxml2's encoding
   handler (it only passes pointers), so leave them out of the view Swift gets. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlmemory.h>
#include <libxml/SAX2.h>

/* xmlFree is a global function pointer; Swift 6 sees it as shared mutable state. */
static inline void skjenk_xml_free(void *pointer) { xmlFree(pointer); }

#endif
