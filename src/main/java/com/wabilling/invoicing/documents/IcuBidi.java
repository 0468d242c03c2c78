package com.wabilling.invoicing.documents;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * The Unicode bidi algorithm and Arabic letter shaping for openhtmltopdf, on ICU4J: openhtmltopdf
 * only defines the interfaces (its own ICU module is not released for the core version used here),
 * and without them Arabic prints left to right in isolated letter forms. docs/invoice-documents.md 3.
 */
final class IcuBidi {

    private IcuBidi() {
    }

    /** Splits a paragraph into runs of one direction, in visual order. */
    static final class Splitter implements BidiSplitter {
        private final Bidi bidi = new Bidi();

        @Override
        public void setParagraph(String paragraph, byte defaultDirection) {
            // openhtmltopdf's NEUTRAL is 3, which ICU would read as an embedding level: let the text decide
            bidi.setPara(paragraph, defaultDirection == NEUTRAL ? Bidi.LEVEL_DEFAULT_LTR : defaultDirection, null);
        }

        @Override
        public int countTextRuns() {
            return bidi.countRuns();
        }

        @Override
        public BidiTextRun getVisualRun(int runIndex) {
            BidiRun run = bidi.getVisualRun(runIndex);
            return new BidiTextRun(run.getStart(), run.getLength(), run.getDirection());
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            return Bidi.getBaseDirection(paragraph);
        }
    }

    /** Joins Arabic letters (contextual forms) and turns right-to-left runs into drawing order. */
    static final class Reorderer implements BidiReorderer {
        private final ArabicShaping shaper = new ArabicShaping(
                ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);
        private final ArabicShaping unshaper = new ArabicShaping(
                ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);

        @Override
        public String reorderRTLTextToLTR(String text) {
            return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
        }

        @Override
        public String shapeText(String text) {
            return shape(shaper, text);
        }

        @Override
        public String deshapeText(String text) {
            return shape(unshaper, text);
        }

        @Override
        public boolean isLiveImplementation() {
            return true;
        }

        private static String shape(ArabicShaping shaping, String text) {
            try {
                return shaping.shape(text);
            } catch (ArabicShapingException e) { // text ICU cannot shape still prints, letters unjoined
                return text;
            }
        }
    }
}
