package dev.stratus.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void aChangeShowsItsDirectionAndSize() {
        assertThat(Figures.msDelta(41.2, 53.2)).isEqualTo("\u25b2 12.0 ms");
        assertThat(Figures.msDelta(53.2, 41.2)).isEqualTo("\u25bc 12.0 ms");
        assertThat(Figures.usdDelta(255.30, 252.20)).isEqualTo("\u25bc $3.10");
        assertThat(Figures.countDelta(1_000, 2_204)).isEqualTo("\u25b2 1,204");
        assertThat(Figures.percentDelta(0.0041, 0.0053)).isEqualTo("\u25b2 0.12 pp");
    }

    @Test
    void aChangeTooSmallToShowIsNone() {
        assertThat(Figures.msDelta(41.21, 41.23)).isEmpty();
        assertThat(Figures.countDelta(7, 7)).isEmpty();
        assertThat(Figures.usdDelta(252.2, 252.2)).isEmpty();
        assertThat(Figures.percentDelta(0.004, 0.00401)).isEmpty();
    }

    @Test
    void moneyBelowACentKeepsItsDigits() {
        assertThat(Figures.usd(1_234.5)).isEqualTo("$1,234.50");
        assertThat(Figures.usd(0.0031)).isEqualTo("$0.0031");
        assertThat(Figures.usd(0)).isEqualTo("$0.00");
        assertThat(Figures.usdDelta(0.0031, 0.0041)).isEqualTo("\u25b2 $0.0010");
    }

    @Test
    void quantitiesReadAsTheCommandLinePrintsThem() {
        assertThat(Figures.quantity(129.78432)).isEqualTo("129.78432");
        assertThat(Figures.quantity(932_520.9199999999)).isEqualTo("932,520.92");
        assertThat(Figures.quantity(400_000)).isEqualTo("400,000");
    }

    @Test
    void ratesAndLargeNumbersStayShort() {
        assertThat(Figures.perSecond(50.07)).isEqualTo("50.1/s");
        assertThat(Figures.perSecond(1_234)).isEqualTo("1,234/s");
        assertThat(Figures.perSecond(0.0031)).isEqualTo("0.00310/s");
        assertThat(Figures.compact(3_140_000)).isEqualTo("3.14 M");
    }
}
