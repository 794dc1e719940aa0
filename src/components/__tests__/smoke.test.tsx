import { render, screen, fireEvent } from '@testing-library/react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'

function C() {
  const r = useRouter()
  return <View className='x' onClick={() => Taro.navigateTo({ url: '/a' })}><Text>你好 {r.params.id}</Text></View>
}
test('smoke', () => {
  const spy = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<C />)
  fireEvent.click(screen.getByText(/你好/))
  expect(spy).toHaveBeenCalled()
  expect(new Date(2022, 5, 25).getTimezoneOffset()).toBe(240)
})
