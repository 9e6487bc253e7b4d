#!/usr/bin/env python3
"""Waits until a rectangle of the X screen is blank (an empty table row) and then holds a dark pixel (text drawn
into that row), and prints the milliseconds from a start time given in nanoseconds since the epoch. Waiting for
the blank first keeps what the screen showed there before (another perspective's part) from counting.

Usage: screen-wait.py X Y WIDTH HEIGHT START_NS [TIMEOUT_S]

It reads the rectangle from the X server through Xlib every 20 ms (ctypes, no extra package): a screenshot
tool started that often would take a good part of the two cores from the workbench being timed.
"""
import ctypes
import ctypes.util
import sys
import time

ZPIXMAP = 2
ALL_PLANES = ctypes.c_ulong(0xFFFFFFFF)


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


def main():
    x, y, width, height, start_ns = (int(a) for a in sys.argv[1:6])
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 120
    xlib = ctypes.CDLL(ctypes.util.find_library("X11"))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XGetImage.restype = ctypes.POINTER(XImage)
    xlib.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                               ctypes.c_ulong, ctypes.c_int]
    xlib.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(None)
    if not display:
        sys.exit("screen-wait.py: cannot open the display")
    root = xlib.XDefaultRootWindow(display)
    deadline = time.monotonic() + timeout
    blank = False
    while time.monotonic() < deadline:
        image = xlib.XGetImage(display, root, x, y, width, height, ALL_PLANES, ZPIXMAP)
        if image:
            data = ctypes.string_at(image.contents.data, image.contents.bytes_per_line * image.contents.height)
            # XDestroyImage is a macro; the image and its data are freed with XFree
            xlib.XFree(image.contents.data)
            xlib.XFree(image)
            dark = min(data[0::4]) < 0x60  # the blue of each 32-bit pixel: dark in black text, not in white rows
            if dark and blank:
                print((time.time_ns() - start_ns) // 1_000_000)
                return
            blank = blank or not dark
        time.sleep(0.02)
    sys.exit("screen-wait.py: %s within %g s" % ("nothing was drawn there" if blank else "the place never became blank", timeout))


if __name__ == "__main__":
    main()
