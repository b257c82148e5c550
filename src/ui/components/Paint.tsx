import { Text, type TextProps } from 'ink';

export type PaintProps = Omit<TextProps, 'color'> & { readonly color: string | undefined };

/** `<Text>` whose colour may be absent (NO_COLOR): ink's Text takes no `color={undefined}` under exactOptionalPropertyTypes. */
export function Paint({ color, ...rest }: PaintProps): React.JSX.Element {
  return color === undefined ? <Text {...rest} /> : <Text color={color} {...rest} />;
}
