import Foundation

/// Inputs the intake tests share that are awkward to keep as files.
public enum IntakeSamples {
    /// A PDF with one page that shows only an image (no text layer), written by hand.
    public static func imageOnlyPDF() -> Data {
        let content = "q 150 0 0 150 25 25 cm /Im1 Do Q"
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
                       "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"]
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Data("\(i + 1) 0 obj\n\(o)\nendobj\n".utf8)
        }
        offsets.append(pdf.count)
        pdf += Data("5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n".utf8)
        pdf += Data([0x00, 0xFF, 0xFF, 0x00]) + Data("\nendstream\nendobj\n".utf8)
        let xref = pdf.count
        pdf += Data("xref\n0 6\n0000000000 65535 f \n".utf8)
        for o in offsets { pdf += Data(String(format: "%010d 00000 n \n", o).utf8) }
        pdf += Data("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return pdf
    }
}
