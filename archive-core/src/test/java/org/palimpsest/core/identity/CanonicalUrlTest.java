package org.palimpsest.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    @Test
    void trackingParametersFragmentsAndHostCaseDoNotMatter() {
        CanonicalUrl plain = CanonicalUrl.of("https://kyivindependent.com/zelensky-biden-call/");
        for (String variant : new String[] {
                "https://KyivIndependent.com/zelensky-biden-call/#comments",
                "https://kyivindependent.com/zelensky-biden-call/?utm_source=twitter&utm_medium=social",
                "https://kyivindependent.com:443/zelensky-biden-call/?fbclid=abc123",
                "http://kyivindependent.com/zelensky-biden-call/?gclid=x"}) {
            assertEquals(plain.surtKey(), CanonicalUrl.of(variant).surtKey(), variant);
        }
        assertEquals("https://kyivindependent.com/zelensky-biden-call/", plain.url());
        assertEquals("com,kyivindependent)/zelensky-biden-call", plain.surtKey());
    }

    @Test
    void meaningfulParametersAreKept() {
        assertEquals("https://example.org/article?id=42",
                CanonicalUrl.of("https://Example.org/article?utm_campaign=x&id=42").url());
    }

    @Test
    void thePagesCanonicalAddressStandsForACaptureWithoutOneOrWithParametersOnTheSamePage() {
        Optional<String> declared = Optional.of("https://harbour.example/news/budget");
        assertEquals(Optional.of("https://harbour.example/news/budget"),
                CanonicalUrl.of(Optional.empty(), declared).map(CanonicalUrl::url));
        assertEquals(Optional.of("https://harbour.example/news/budget"), CanonicalUrl.of(
                Optional.of("https://harbour.example/news/budget?share=a81f&ref=app"), declared).map(CanonicalUrl::url));
        assertEquals(Optional.of("https://harbour.example/news/budget"), CanonicalUrl.of(
                Optional.of("https://harbour.example/news/budget?share=a81f"), Optional.of("/news/budget"))
                .map(CanonicalUrl::url));
    }

    @Test
    void aCanonicalAddressElsewhereOrOfTheHomePageDoesNotReplaceTheCapturesOwn() {
        assertEquals(Optional.of("https://harbour.example/news/budget?share=a81f"), CanonicalUrl.of(
                Optional.of("https://harbour.example/news/budget?share=a81f"),
                Optional.of("https://syndicator.example/news/budget")).map(CanonicalUrl::url));
        assertEquals(Optional.of("https://harbour.example/news/other"), CanonicalUrl.of(
                Optional.of("https://harbour.example/news/other"), Optional.of("https://harbour.example/news/budget"))
                .map(CanonicalUrl::url));
        assertEquals(Optional.empty(), CanonicalUrl.of(Optional.empty(), Optional.of("https://harbour.example/")));
        assertEquals(Optional.empty(), CanonicalUrl.of(Optional.empty(), Optional.of("not a url at all")));
        assertEquals(Optional.empty(), CanonicalUrl.of(Optional.empty(), Optional.empty()));
    }
}
