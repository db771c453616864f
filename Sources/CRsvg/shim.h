#ifndef ECOMAP_CRSVG_SHIM_H
#define ECOMAP_CRSVG_SHIM_H
// Rasterises (PNG) or converts (PDF) an SVG document in memory with librsvg and cairo. The SVG
// is ecomap's own; the page is the picture's size; the PDF's metadata is fixed so output is
// byte-identical for equal input.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

typedef struct {
    unsigned char *data;
    size_t length, capacity;
    int failed;
} ecomap_buffer;

static cairo_status_t ecomap_buffer_write(void *closure, const unsigned char *data, unsigned int length) {
    ecomap_buffer *b = closure;
    if (b->failed) return CAIRO_STATUS_WRITE_ERROR;
    if (b->length + length > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 65536;
        while (capacity < b->length + length) capacity *= 2;
        unsigned char *grown = realloc(b->data, capacity);
        if (!grown) { b->failed = 1; return CAIRO_STATUS_NO_MEMORY; }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, data, length);
    b->length += length;
    return CAIRO_STATUS_SUCCESS;
}

static inline void ecomap_buffer_free(ecomap_buffer *b) {
    free(b->data);
    b->data = NULL;
    b->length = b->capacity = 0;
}

/// Renders `svg` (width and height in pt) into `out`: a PNG at `pixels_per_point` when `pdf` is 0,
/// else a one-page PDF of the picture's size titled `title`. Returns 0 on success; on failure a
/// message (free with g_free) in `*message`.
static inline int ecomap_rsvg_render(const char *svg, size_t length, int pdf, double pixels_per_point,
                                     const char *title, ecomap_buffer *out, char **message) {
    *message = NULL;
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data((const guint8 *)svg, length, &error);
    if (!handle) {
        *message = g_strdup(error ? error->message : "librsvg could not read the SVG");
        if (error) g_error_free(error);
        return 1;
    }
    // 72 dpi: one SVG pt is one PDF point and `pixels_per_point` pixels.
    rsvg_handle_set_dpi(handle, 72);
    gdouble width = 0, height = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) || width <= 0 || height <= 0) {
        *message = g_strdup("the SVG has no size");
        g_object_unref(handle);
        return 1;
    }
    cairo_surface_t *surface;
    RsvgRectangle viewport = {0, 0, width, height};
    if (pdf) {
        surface = cairo_pdf_surface_create_for_stream(ecomap_buffer_write, out, width, height);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ecomap");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    } else {
        int w = (int)ceil(width * pixels_per_point), h = (int)ceil(height * pixels_per_point);
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        viewport.width = width * pixels_per_point;
        viewport.height = height * pixels_per_point;
    }
    cairo_t *cr = cairo_create(surface);
    int status = 0;
    if (!rsvg_handle_render_document(handle, cr, &viewport, &error)) {
        *message = g_strdup(error ? error->message : "librsvg could not render the SVG");
        if (error) g_error_free(error);
        status = 1;
    }
    cairo_destroy(cr);
    if (status == 0 && !pdf && cairo_surface_write_to_png_stream(surface, ecomap_buffer_write, out) != CAIRO_STATUS_SUCCESS) {
        *message = g_strdup("writing the PNG failed");
        status = 1;
    }
    cairo_surface_finish(surface);
    if (status == 0 && (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || out->failed)) {
        *message = g_strdup(pdf ? "writing the PDF failed" : "writing the PNG failed");
        status = 1;
    }
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    return status;
}
#endif
