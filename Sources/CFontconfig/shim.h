#ifndef ECOMAP_CFONTCONFIG_SHIM_H
#define ECOMAP_CFONTCONFIG_SHIM_H
// A private fontconfig configuration, built in memory and made current before Graphviz (pango) or
// librsvg look up a font: it sees only the fonts of one directory and maps every family to one
// face, so the user's fontconfig files and other installed fonts change nothing.
#include <fontconfig/fontconfig.h>
#include <string.h>

/// Builds a configuration from `xml` (a complete <fontconfig> document); makes it current when it
/// holds a font of `family`. Returns 1 when made current, 0 when the family is missing, -1 on error.
static inline int ecomap_fontconfig_pin(const char *xml, const char *family) {
    FcConfig *config = FcConfigCreate();
    if (!config) return -1;
    if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml, FcFalse) || !FcConfigBuildFonts(config)) {
        FcConfigDestroy(config);
        return -1;
    }
    FcFontSet *fonts = FcConfigGetFonts(config, FcSetSystem);
    int found = 0;
    for (int i = 0; fonts && i < fonts->nfont && !found; i++) {
        FcChar8 *name = NULL;
        for (int k = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, k, &name) == FcResultMatch; k++) {
            if (strcmp((const char *)name, family) == 0) { found = 1; break; }
        }
    }
    if (!found) {
        FcConfigDestroy(config);
        return 0;
    }
    // FcConfigSetCurrent takes its own reference.
    int ok = FcConfigSetCurrent(config) ? 1 : -1;
    FcConfigDestroy(config);
    return ok;
}

/// The file of the font fontconfig's current configuration picks for `family` (for tests and
/// `--verbose`); empty when none. Writes at most `size` bytes including the NUL.
static inline void ecomap_fontconfig_match(const char *family, char *out, size_t size) {
    out[0] = 0;
    FcPattern *pattern = FcNameParse((const FcChar8 *)family);
    if (!pattern) return;
    FcConfigSubstitute(NULL, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pattern, &result);
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        strncpy(out, (const char *)file, size - 1);
        out[size - 1] = 0;
    }
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
}
#endif
