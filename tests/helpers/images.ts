/** Small synthetic JPEG and PNG files carrying metadata (EXIF with a GPS position, comments, text chunks). */
import { deflateSync } from "node:zlib";

function segment(marker: number, body: Buffer): Buffer {
  const length = body.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), body]);
}

/** The GPS text the EXIF segment carries, to look for after stripping. */
export const gpsMarker = "GPSLatitude=22.5176N;GPSLongitude=113.3773E";

/** A JPEG with JFIF, an EXIF segment holding a GPS position, an XMP segment, a comment, tables and scan data. */
export function jpegWithExif(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "binary")),
    segment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "binary"), Buffer.from(`MM\0*${gpsMarker};Make=DemoCam`)])),
    segment(0xe1, Buffer.from("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>owner=林示例</x:xmpmeta>", "utf8")),
    segment(0xfe, Buffer.from("taken by 林示例")),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0x78]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, "latin1"), data, Buffer.alloc(4)]);
}

/** A 1×1 PNG with tEXt, iTXt and eXIf chunks. */
export function pngWithText(): Buffer {
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("tEXt", Buffer.from(`Comment\0${gpsMarker}`, "latin1")),
    chunk("eXIf", Buffer.from(`MM\0*${gpsMarker}`, "latin1")),
    chunk("IDAT", deflateSync(Buffer.from([0, 0]))),
    chunk("iTXt", Buffer.from("Author\0\0\0\0\0林示例", "utf8")),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
