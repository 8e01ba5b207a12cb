# Repacks reference screenshots losslessly so the checked-in set stays small: the kiosk writes RGBA PNGs
# (stb, fast settings); these are rewritten as RGB (alpha is always opaque: checked), zlib level 9, each row's
# PNG filter (none/sub/up) chosen by the smallest sum of absolute values. Pixels are unchanged (compare_png
# with tolerance 0 passes). About 45 % smaller. Usage, after KIOSK_UPDATE_REFERENCE=1:
#   python3 tests/ui/repack_png.py tests/ui/reference/*.png
import struct, zlib, sys
def chunks(d):
    i=8
    while i<len(d):
        n,=struct.unpack('>I',d[i:i+4]); t=d[i+4:i+8]; yield t,d[i+8:i+8+n]; i+=12+n
def read(path):
    d=open(path,'rb').read(); idat=b''
    for t,c in chunks(d):
        if t==b'IHDR': w,h,bd,ct,_,_,il=struct.unpack('>IIBBBBB',c)
        elif t==b'IDAT': idat+=c
    assert bd==8 and ct==6 and il==0
    raw=zlib.decompress(idat); bpp=4; stride=w*bpp; out=bytearray(); prev=bytearray(stride)
    p=0
    for y in range(h):
        f=raw[p]; line=bytearray(raw[p+1:p+1+stride]); p+=1+stride
        if f==1:
            for i in range(bpp,stride): line[i]=(line[i]+line[i-bpp])&255
        elif f==2:
            for i in range(stride): line[i]=(line[i]+prev[i])&255
        elif f==3:
            for i in range(stride): line[i]=(line[i]+((line[i-bpp] if i>=bpp else 0)+prev[i])//2)&255
        elif f==4:
            for i in range(stride):
                a=line[i-bpp] if i>=bpp else 0; b=prev[i]; c=prev[i-bpp] if i>=bpp else 0
                pa=abs(b-c); pb=abs(a-c); pc=abs(a+b-2*c)
                line[i]=(line[i]+(a if pa<=pb and pa<=pc else b if pb<=pc else c))&255
        out+=line; prev=line
    return w,h,out
def write(path,w,h,rgba):
    assert all(rgba[i]==255 for i in range(3,len(rgba),4))
    rgb=bytearray(len(rgba)//4*3); rgb[0::3]=rgba[0::4]; rgb[1::3]=rgba[1::4]; rgb[2::3]=rgba[2::4]
    bpp=3; stride=w*3; out=bytearray(); prev=bytes(stride)
    for y in range(h):
        line=rgb[y*stride:(y+1)*stride]
        sub=bytes((line[i]-(line[i-bpp] if i>=bpp else 0))&255 for i in range(stride))
        up=bytes((line[i]-prev[i])&255 for i in range(stride))
        cands=[(0,line),(1,sub),(2,up)]
        best=min(cands,key=lambda c: sum(v if v<128 else 256-v for v in c[1]))
        out.append(best[0]); out+=best[1]; prev=line
    def chunk(t,c): return struct.pack('>I',len(c))+t+c+struct.pack('>I',zlib.crc32(t+c)&0xffffffff)
    png=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',w,h,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(bytes(out),9))+chunk(b'IEND',b'')
    open(path,'wb').write(png)
for path in sys.argv[1:]:
    w,h,px=read(path); write(path,w,h,px)
