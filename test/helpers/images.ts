/** A real 1×1 PNG: bayegan publishes a file as an image only when its bytes are one. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e3e35a0000000049454e44ae426082',
  'hex',
);
