package org.palimpsest.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchFormTest {

    @Test
    void datetimeLocalValuesAreReadAsUtcAndIsoValuesPassThrough() {
        assertEquals("2025-05-11T09:30:00Z", SearchForm.iso("2025-05-11T09:30"));
        assertEquals("2025-05-11T09:30:15Z", SearchForm.iso("2025-05-11T09:30:15"));
        assertEquals("2025-05-11T09:30:00+02:00", SearchForm.iso("2025-05-11T09:30:00+02:00"));
        assertEquals(null, SearchForm.iso(" "));
        assertEquals("2025-05-11T09:30:00", SearchForm.input("2025-05-11T09:30:00Z"));
        assertEquals("2025-05-11T09:30:00", SearchForm.input("2025-05-11T09:30"));
    }

    @Test
    void linksKeepTheSearchAndChangeOnlyWhatTheyNarrow() {
        SearchForm form = new SearchForm("peace talks", "kyiv", null, null, "2025-05-11T09:30", false, "newest", 2);
        assertEquals("/search?q=peace+talks&source=kyiv&asOf=2025-05-11T09%3A30&sort=newest&page=3", form.pageHref(3));
        assertEquals("/search?q=peace+talks&source=kyiv&asOf=2025-05-11T09%3A30&sort=newest", form.pageHref(0));
        assertEquals("/search?q=peace+talks&source=other&asOf=2025-05-11T09%3A30&sort=newest", form.sourceHref("other"));
        assertEquals("/search?q=peace+talks&source=kyiv&asOf=2025-05-11T09%3A30&sort=newest"
                + "&from=2025-02-01T00%3A00%3A00Z&to=2025-02-28T23%3A59%3A59Z", form.monthHref("2025-02"));
        assertEquals("/export?q=peace+talks&source=kyiv&asOf=2025-05-11T09%3A30", form.exportHref());
        assertEquals(List.of(new SearchForm.Field("q", "peace talks"), new SearchForm.Field("source", "kyiv"),
                new SearchForm.Field("asOf", "2025-05-11T09:30:00Z")), form.exportFields());
    }
}
