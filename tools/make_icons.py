"""Draws the guide's raster icons (favicon.ico and PWA icons) from the same design as favicon.svg.

Pure Python (zlib + struct), so the build needs no image library. Run: python3 tools/make_icons.py
"""
import struct
import zlib
from pathlib import Path

GREEN = (0x0B, 0x5D, 0x4F)
WHITE = (0xFF, 0xFF, 0xFF)


def pixel(x, y, size, maskable):
    # Coordinates in the 32-unit design space of favicon.svg, sampled at the pixel centre.
    u = (x + 0.5) * 32 / size
    v = (y + 0.5) * 32 / size
    if maskable:  # keep the mark inside the 80 % safe zone
        u = 16 + (u - 16) / 0.8
        v = 16 + (v - 16) / 0.8
    d = ((u - 16) ** 2 + (v - 16) ** 2) ** 0.5
    if d <= 3 or 7.25 <= d <= 10.75:
        return WHITE + (255,)
    corner = 7
    cx = min(max(u, corner), 32 - corner)
    cy = min(max(v, corner), 32 - corner)
    inside = maskable or ((u - cx) ** 2 + (v - cy) ** 2) ** 0.5 <= corner
    return GREEN + (255,) if inside else (0, 0, 0, 0)


def png(size, maskable=False):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size, maskable)) for x in range(size))
        for y in range(size)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def ico(png_bytes, size):
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png_bytes), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + entry + png_bytes


def main():
    assets = Path(__file__).resolve().parent.parent / "assets"
    (assets / "favicon.ico").write_bytes(ico(png(32), 32))
    (assets / "icon-192.png").write_bytes(png(192))
    (assets / "icon-512.png").write_bytes(png(512))
    (assets / "icon-maskable-512.png").write_bytes(png(512, maskable=True))


if __name__ == "__main__":
    main()
