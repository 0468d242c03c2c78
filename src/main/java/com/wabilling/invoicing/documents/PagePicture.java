package com.wabilling.invoicing.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the first page of a PDF to PNG, for the README's picture of a real demo invoice
 * ({@code jobs/tools/invoice-picture}). Not used by any job.
 */
public final class PagePicture {

    private PagePicture() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PagePicture <invoice.pdf> <page.png>");
            System.exit(2);
        }
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(Path.of(args[0])))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 90);
            ImageIO.write(page, "png", Path.of(args[1]).toFile());
        }
    }
}
