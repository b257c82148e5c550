import { Box, Text } from 'ink';
import type { ScreenProps } from '../screen-props.js';

export function TcpScreen(props: ScreenProps): React.JSX.Element {
  void props;
  return (
    <Box>
      <Text>TcpScreen</Text>
    </Box>
  );
}
