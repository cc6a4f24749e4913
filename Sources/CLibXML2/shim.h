// libxml2 is built with ICU on Debian; its encoding.h then includes ICU's headers, which
// clash with the ICU copy inside Foundation. Quotidian never touches the ICU converter
// fields of xmlCharEncodingHandler (it only passes pointers), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
