"""Read back the ESC/POS bytes this package writes: text rows (GB18030) and commands.

For tests, for inspecting a spooled job, and for support ("what did the terminal
send to the printer?"). It knows the commands :mod:`receipts.escpos_render` and
python-escpos emit for a receipt; an unknown command raises ``ValueError`` naming
its offset rather than being skipped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, FS, GS = 0x1B, 0x1C, 0x1D


@dataclass
class Decoded:
    lines: list[str] = field(default_factory=list)  # printed text rows, GB18030-decoded
    commands: list[str] = field(default_factory=list)  # names, in order
    qr_payloads: list[str] = field(default_factory=list)
    images: int = 0  # raster images (GS v 0): logo, image QR
    cuts: int = 0
    drawer_kicks: int = 0
    kanji_mode: bool = False


def decode(data: bytes, encoding: str = "gb18030") -> Decoded:
    out = Decoded()
    i, n = 0, len(data)
    text = bytearray()

    def need(k: int) -> None:
        if i + k > n:
            raise ValueError(f"truncated command at byte {i}: {data[i:i + 8]!r}")

    while i < n:
        b = data[i]
        if b == 0x0A:
            out.lines.append(text.decode(encoding))
            text.clear()
            i += 1
        elif b == ESC:
            need(2)
            c = data[i + 1]
            if c == ord("@"):
                out.commands.append("init")
                i += 2
            elif c == ord("E"):
                need(3)
                out.commands.append(f"bold={data[i + 2]}")
                i += 3
            elif c == ord("a"):
                need(3)
                out.commands.append(f"align={data[i + 2]}")
                i += 3
            elif c == ord("d"):
                need(3)
                out.commands.append(f"feed={data[i + 2]}")
                i += 3
            elif c == ord("p"):
                need(5)
                out.commands.append(f"drawer_kick pin={data[i + 2]}")
                out.drawer_kicks += 1
                i += 5
            else:
                raise ValueError(f"unknown ESC command at byte {i}: {data[i:i + 4]!r}")
        elif b == FS:
            need(2)
            if data[i + 1] == ord("&"):
                out.commands.append("kanji_on")
                out.kanji_mode = True
                i += 2
            elif data[i + 1] == ord("."):
                out.commands.append("kanji_off")
                out.kanji_mode = False
                i += 2
            else:
                raise ValueError(f"unknown FS command at byte {i}: {data[i:i + 4]!r}")
        elif b == GS:
            need(2)
            c = data[i + 1]
            if c == ord("!"):
                need(3)
                out.commands.append(f"size={data[i + 2]:#04x}")
                i += 3
            elif c == ord("V"):
                need(3)
                m = data[i + 2]
                out.commands.append(f"cut={m}")
                out.cuts += 1
                i += 4 if m in (65, 66) else 3
            elif c == ord("(") and i + 2 < n and data[i + 2] == ord("k"):
                need(5)
                length = data[i + 3] | (data[i + 4] << 8)
                body = data[i + 5:i + 5 + length]
                if len(body) != length:
                    raise ValueError(f"truncated GS ( k at byte {i}")
                cn, fn = body[0], body[1]
                if cn == ord("1") and fn == 80:  # store QR data
                    out.qr_payloads.append(body[3:].decode("utf-8"))
                out.commands.append(f"qr fn={fn}")
                i += 5 + length
            elif c == ord("v") and i + 2 < n and data[i + 2] == ord("0"):
                need(8)
                xbytes = data[i + 4] | (data[i + 5] << 8)
                height = data[i + 6] | (data[i + 7] << 8)
                out.commands.append(f"image {xbytes * 8}x{height}")
                out.images += 1
                i += 8 + xbytes * height
            else:
                raise ValueError(f"unknown GS command at byte {i}: {data[i:i + 4]!r}")
        elif b < 0x20:
            raise ValueError(f"unexpected control byte {b:#04x} at byte {i}")
        else:
            text.append(b)
            i += 1
    if text:
        out.lines.append(text.decode(encoding))
    return out
