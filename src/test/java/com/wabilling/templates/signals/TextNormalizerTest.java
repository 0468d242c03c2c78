package com.wabilling.templates.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void removesAccentsAndCase() {
        assertThat(TextNormalizer.plain("RÉDUCTION Größe Ação")).isEqualTo("reduction grosse acao");
    }

    @Test
    void writesEveryPlaceholderTheSameWay() {
        assertThat(TextNormalizer.plain("Code {{1}} or {{ 2 }} or {{name}}")).isEqualTo("code {{x}} or {{x}} or {{x}}");
    }

    @Test
    void makesDashesAndSpacesPlain() {
        assertThat(TextNormalizer.plain("\u221250\u00a0%\n\tnow")).isEqualTo("-50 % now");
    }

    @Test
    void wordsAreSpaceDelimited() {
        assertThat(TextNormalizer.words(TextNormalizer.plain("Don't miss: SHOP-now!")))
                .isEqualTo(" don t miss shop now ");
    }
}
