import { describe, expect, it } from "vitest";
import { gpsMarker, jpegWithExif, pngWithText } from "../../../tests/helpers/images";
import { stripImageMetadata, stripJpegMetadata, stripPngMetadata } from "./image-metadata";

describe("stripping image metadata", () => {
  it("removes EXIF (GPS), XMP and comments from a JPEG and keeps JFIF, tables and the scan data", () => {
    const original = jpegWithExif();
    expect(original.includes(gpsMarker)).toBe(true);
    const stripped = stripJpegMetadata(original);
    expect(stripped.ok).toBe(true);
    const bytes = Buffer.from(stripped.ok ? stripped.value : []);
    expect(bytes.includes(gpsMarker)).toBe(false);
    expect(bytes.includes("Exif")).toBe(false);
    expect(bytes.includes("xmpmeta")).toBe(false);
    expect(bytes.includes(Buffer.from("林示例"))).toBe(false);
    expect(bytes.includes("JFIF")).toBe(true);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.subarray(-8)).toEqual(Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0x78, 0xff, 0xd9]));
    expect(bytes.length).toBeLessThan(original.length);
  });

  it("removes text and EXIF chunks from a PNG and keeps IHDR, IDAT and IEND", () => {
    const stripped = stripPngMetadata(pngWithText());
    expect(stripped.ok).toBe(true);
    const bytes = Buffer.from(stripped.ok ? stripped.value : []);
    expect(bytes.includes(gpsMarker)).toBe(false);
    expect(bytes.includes("eXIf")).toBe(false);
    expect(bytes.includes("tEXt")).toBe(false);
    expect(bytes.includes("iTXt")).toBe(false);
    for (const kept of ["IHDR", "IDAT", "IEND"]) expect(bytes.includes(kept), kept).toBe(true);
  });

  it("refuses truncated or foreign bytes naming the file field", () => {
    const truncated = stripImageMetadata(jpegWithExif().subarray(0, 30), "image/jpeg");
    expect(truncated).toMatchObject({ ok: false, error: { code: "image_malformed", field: "file" } });
    const noEnd = stripImageMetadata(pngWithText().subarray(0, 40), "image/png");
    expect(noEnd).toMatchObject({ ok: false, error: { code: "image_malformed" } });
    expect(stripImageMetadata(Buffer.from("%PDF-1.4"), "image/png").ok).toBe(false);
  });
});
